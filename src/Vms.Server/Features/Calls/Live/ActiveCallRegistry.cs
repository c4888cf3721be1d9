using System.Collections.Concurrent;

namespace Vms.Server.Features.Calls.Live;

/// <summary>The calls in progress on this node, for the live page.</summary>
internal sealed class ActiveCallRegistry
{
    private readonly ConcurrentDictionary<string, ActiveCallInfo> _calls = new(StringComparer.Ordinal);

    public int Count => _calls.Count;

    public void Add(ActiveCallInfo call) => _calls[call.CallId] = call;

    public void Remove(string callId) => _calls.TryRemove(callId, out _);

    public IReadOnlyList<ActiveCallInfo> Snapshot(Guid? customerId = null) =>
        _calls.Values.Where(c => customerId is null || c.CustomerId == customerId).OrderBy(c => c.StartedAt).ToList();
}
