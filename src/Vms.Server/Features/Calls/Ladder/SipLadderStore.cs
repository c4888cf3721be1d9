using System.Collections.Concurrent;
using System.Text;

namespace Vms.Server.Features.Calls.Ladder;

/// <summary>
/// The SIP messages of the most recent calls, per Call-ID, for remote diagnosis (§5.1.2.1): a bounded store, the
/// oldest Call-IDs forgotten first. Calls link their legs' Call-IDs to the caller's so one ladder shows all.
/// </summary>
internal sealed class SipLadderStore
{
    private readonly ConcurrentDictionary<string, List<LadderMessage>> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _legToCall = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Guid> _owners = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;

    public SipLadderStore(TimeProvider time, int capacity = 2000)
    {
        _time = time;
        _capacity = capacity;
        SetupDelays = new SetupDelayTracker(time);
    }

    public bool Enabled { get; set; } = true;

    /// <summary>INVITE in → INVITE out stamps, measured whether or not ladders are kept.</summary>
    public SetupDelayTracker SetupDelays { get; }

    public void Record(ReadOnlySpan<byte> data, bool outgoing, System.Net.IPEndPoint local, System.Net.IPEndPoint remote)
    {
        SetupDelays.Observe(data);
        if (!Enabled || CallIdOf(data) is not { } callId)
        {
            return;
        }

        var text = Encoding.UTF8.GetString(data);
        var firstLineEnd = text.IndexOf('\r', StringComparison.Ordinal);
        var message = new LadderMessage(_time.GetUtcNow(), outgoing, local, remote, firstLineEnd > 0 ? text[..firstLineEnd] : text, text);
        var list = _messages.GetOrAdd(callId, id =>
        {
            _order.Enqueue(id);
            return [];
        });
        lock (list)
        {
            if (list.Count < 200)
            {
                list.Add(message);
            }
        }

        while (_order.Count > _capacity && _order.TryDequeue(out var old))
        {
            _messages.TryRemove(old, out _);
            _legToCall.TryRemove(old, out _);
            _owners.TryRemove(old, out _);
        }
    }

    /// <summary>Shows the messages of leg <paramref name="legCallId"/> in the ladder of call <paramref name="callId"/>.</summary>
    public void Link(string legCallId, string callId)
    {
        SetupDelays.Linked(legCallId, callId);
        if (Enabled)
        {
            // Only kept with the ladders themselves: links are forgotten with the oldest Call-IDs.
            _legToCall[legCallId] = callId;
        }
    }

    /// <summary>Which customer a call belongs to (customers see their own calls' ladders).</summary>
    public void SetOwner(string callId, Guid customerId) => _owners[callId] = customerId;

    public Guid? OwnerOf(string callId) => _owners.TryGetValue(callId, out var owner) ? owner : null;

    /// <summary>Every message of a call and its legs, in time order.</summary>
    public IReadOnlyList<LadderMessage> Get(string callId)
    {
        var ids = new List<string> { callId };
        ids.AddRange(_legToCall.Where(kv => kv.Value == callId).Select(kv => kv.Key));
        var all = new List<LadderMessage>();
        foreach (var id in ids)
        {
            if (_messages.TryGetValue(id, out var list))
            {
                lock (list)
                {
                    all.AddRange(list);
                }
            }
        }

        return all.OrderBy(m => m.At).ToList();
    }

    /// <summary>The Call-IDs of the calls known (newest last), without their legs.</summary>
    public IReadOnlyList<string> RecentCalls() => _order.Where(id => !_legToCall.ContainsKey(id) && _messages.ContainsKey(id)).ToList();

    /// <summary>The value of the Call-ID (or compact i) header, without parsing the whole message.</summary>
    internal static string? CallIdOf(ReadOnlySpan<byte> data)
    {
        var pos = 0;
        while (pos < data.Length)
        {
            var end = data[pos..].IndexOf((byte)'\n');
            var line = end < 0 ? data[pos..] : data[pos..(pos + end)];
            if (line.Length <= 1)
            {
                return null;
            }

            var colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                var name = line[..colon].TrimEnd((byte)' ');
                if (name.Length == 7 && System.Text.Ascii.EqualsIgnoreCase(name, "Call-ID"u8) || name.Length == 1 && (name[0] | 0x20) == 'i')
                {
                    return Encoding.ASCII.GetString(line[(colon + 1)..].Trim((byte)' ').TrimEnd((byte)'\r'));
                }
            }

            if (end < 0)
            {
                return null;
            }

            pos += end + 1;
        }

        return null;
    }
}
