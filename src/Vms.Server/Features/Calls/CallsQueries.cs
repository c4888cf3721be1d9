using Vms.Server.Features.Calls.Counters;
using Vms.Server.Features.Calls.Ladder;
using Vms.Server.Features.Calls.Live;
using Vms.Server.Features.Common;

namespace Vms.Server.Features.Calls;

/// <summary>What the live page and the API read: counters, calls in progress, ladders — scoped to what the caller may see.</summary>
internal sealed class CallsQueries
{
    private readonly LiveCallCounters _counters;
    private readonly ActiveCallRegistry _active;
    private readonly LiveCallState _live;
    private readonly SipLadderStore _ladder;

    public CallsQueries(LiveCallCounters counters, ActiveCallRegistry active, LiveCallState live, SipLadderStore ladder)
    {
        _counters = counters;
        _active = active;
        _live = live;
        _ladder = ladder;
    }

    public LiveCallsDto Live(Caller caller)
    {
        Guid? scope = caller.IsOperator ? null : caller.CustomerId ?? Guid.Empty;
        var calls = _active.Snapshot(scope).Select(c => new ActiveCallDto(c.CallId, c.CustomerId, c.Caller, c.Called, c.StartedAt, c.State, c.Destination)).ToList();
        var prefix = scope is { } id ? id.ToString("N") + "/" : null;
        var sites = _live.SitesDown.Where(s => prefix is null || s.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var numbers = _counters.Snapshot(scope);
        return new LiveCallsDto(
            scope is null ? _counters.ActiveTotal : numbers.Sum(n => n.Active),
            scope is null ? _counters.CallsLastMinute() : numbers.Sum(n => n.CallsLastMinute),
            numbers,
            calls,
            sites);
    }

    /// <summary>The ladder of a call: full messages for operator staff; for a customer only its own calls, without addresses or message text.</summary>
    public IReadOnlyList<LadderMessageDto>? Ladder(Caller caller, string callId)
    {
        if (!caller.IsOperator && (caller.CustomerId is not { } customer || _ladder.OwnerOf(callId) != customer))
        {
            return null;
        }

        return _ladder.Get(callId).Select(m => caller.IsOperator
            ? new LadderMessageDto(m.At, m.Outgoing ? "out" : "in", m.Outgoing ? m.Local.ToString() : m.Remote.ToString(), m.Outgoing ? m.Remote.ToString() : m.Local.ToString(), m.FirstLine, m.Text)
            : new LadderMessageDto(m.At, m.Outgoing ? "out" : "in", m.Outgoing ? "VMS" : "network", m.Outgoing ? "network" : "VMS", HideAddresses(m.FirstLine), null)).ToList();
    }

    public IReadOnlyList<string> RecentLadders() => _ladder.RecentCalls();

    private static string HideAddresses(string firstLine)
    {
        var at = firstLine.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return firstLine;
        }

        var end = firstLine.IndexOf(' ', at);
        return firstLine[..(at + 1)] + "…" + (end < 0 ? "" : firstLine[end..]);
    }
}
