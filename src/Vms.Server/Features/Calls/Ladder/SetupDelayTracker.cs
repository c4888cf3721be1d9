using System.Collections.Concurrent;
using System.Text;

namespace Vms.Server.Features.Calls.Ladder;

/// <summary>
/// The setup delay VMS adds: from a caller's initial INVITE arriving at the SIP transport to the first initial
/// INVITE of the call's first outbound leg leaving it. The transport stamps both with <see cref="TimeProvider.GetTimestamp"/>
/// (Stopwatch ticks, no allocation but the Call-ID string of INVITEs); the call links the leg to the call once its
/// dial is over, and the delay is then reported to <see cref="Sink"/>. Stamps nobody claims (rejected calls, calls
/// whose first dial comes after a long announcement) are forgotten after one to two generations of 64 s.
/// </summary>
internal sealed class SetupDelayTracker
{
    private static readonly TimeSpan Generation = TimeSpan.FromSeconds(64);

    private readonly TimeProvider _time;
    private readonly Lock _rotation = new();
    private ConcurrentDictionary<string, long> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, long> _previous = new(StringComparer.Ordinal);
    private long _generationStart;

    public SetupDelayTracker(TimeProvider time)
    {
        _time = time;
        _generationStart = time.GetTimestamp();
    }

    /// <summary>Receives each measured delay (the counters' histogram).</summary>
    public Action<TimeSpan>? Sink { get; set; }

    /// <summary>Stamps currently kept (for tests and diagnosis).</summary>
    public int Pending => _current.Count + _previous.Count;

    /// <summary>Looks at one SIP message crossing the transport: stamps initial INVITEs (no To tag), ignores the rest.</summary>
    public void Observe(ReadOnlySpan<byte> data)
    {
        if (!data.StartsWith("INVITE "u8) || InitialInviteCallId(data) is not { } callId)
        {
            return;
        }

        var now = _time.GetTimestamp();
        RotateIfDue(now);
        if (!_previous.ContainsKey(callId))
        {
            _current.TryAdd(callId, now); // retransmissions keep the first stamp
        }
    }

    /// <summary>
    /// The call <paramref name="callId"/> dialled leg <paramref name="legCallId"/>: on its first leg, reports the
    /// delay between the caller's INVITE in and the leg's INVITE out.
    /// </summary>
    public void Linked(string legCallId, string callId)
    {
        var sent = Take(legCallId);
        var received = Take(callId);
        if (sent is { } s && received is { } r && s >= r)
        {
            Sink?.Invoke(_time.GetElapsedTime(r, s));
        }
    }

    private long? Take(string callId) =>
        _current.TryRemove(callId, out var at) || _previous.TryRemove(callId, out at) ? at : null;

    private void RotateIfDue(long now)
    {
        if (_time.GetElapsedTime(Interlocked.Read(ref _generationStart), now) < Generation)
        {
            return;
        }

        lock (_rotation)
        {
            if (_time.GetElapsedTime(_generationStart, now) < Generation)
            {
                return;
            }

            _previous = _current;
            _current = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            Interlocked.Exchange(ref _generationStart, now);
        }
    }

    /// <summary>The Call-ID of an INVITE whose To header has no tag (an initial INVITE), else null; one pass over the headers.</summary>
    internal static string? InitialInviteCallId(ReadOnlySpan<byte> data)
    {
        string? callId = null;
        var toSeen = false;
        var pos = 0;
        while (pos < data.Length && !(callId is not null && toSeen))
        {
            var end = data[pos..].IndexOf((byte)'\n');
            var line = end < 0 ? data[pos..] : data[pos..(pos + end)];
            if (line.Length <= 1)
            {
                break; // end of the headers
            }

            var colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                var name = line[..colon].TrimEnd((byte)' ');
                if (IsHeader(name, "Call-ID"u8, (byte)'i'))
                {
                    callId = Encoding.ASCII.GetString(line[(colon + 1)..].Trim((byte)' ').TrimEnd((byte)'\r').TrimEnd((byte)' '));
                }
                else if (IsHeader(name, "To"u8, (byte)'t'))
                {
                    if (HasTag(line[(colon + 1)..]))
                    {
                        return null;
                    }

                    toSeen = true;
                }
            }

            if (end < 0)
            {
                break;
            }

            pos += end + 1;
        }

        return toSeen ? callId : null;
    }

    private static bool IsHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> full, byte compact) =>
        name.Length == full.Length && System.Text.Ascii.EqualsIgnoreCase(name, full) || name.Length == 1 && (name[0] | 0x20) == compact;

    private static bool HasTag(ReadOnlySpan<byte> value)
    {
        // ";tag=" outside the URI's angle brackets (a URI parameter named tag would be odd, but is not the header's).
        var close = value.LastIndexOf((byte)'>');
        var parameters = close >= 0 ? value[(close + 1)..] : value;
        for (var i = parameters.IndexOf((byte)';'); i >= 0 && i < parameters.Length; i = NextSemicolon(parameters, i + 1))
        {
            var rest = parameters[(i + 1)..].TrimStart((byte)' ');
            if (rest.Length >= 3 && System.Text.Ascii.EqualsIgnoreCase(rest[..3], "tag"u8) && rest[3..].TrimStart((byte)' ') is [(byte)'=', ..])
            {
                return true;
            }
        }

        return false;
    }

    private static int NextSemicolon(ReadOnlySpan<byte> value, int from)
    {
        var next = value[from..].IndexOf((byte)';');
        return next < 0 ? -1 : from + next;
    }
}
