using Vms.Server.Features.Calls.Counters;

namespace Vms.Server.Features.Calls;

/// <summary>A call in progress on the live page.</summary>
public sealed record ActiveCallDto(string CallId, Guid? CustomerId, string Caller, string Called, DateTimeOffset StartedAt, string State, string? Destination);

/// <summary>The live view: counters per number, calls in progress, calls in the last minute.</summary>
public sealed record LiveCallsDto(long CallsInProgress, int CallsLastMinute, IReadOnlyList<NumberCountersSnapshot> Numbers, IReadOnlyList<ActiveCallDto> Calls, IReadOnlyList<string> SitesDown);

/// <summary>One SIP message of a call's ladder (text only for operator staff).</summary>
public sealed record LadderMessageDto(DateTimeOffset At, string Direction, string From, string To, string FirstLine, string? Text);

/// <summary>A test call the network simulator places into VMS (demo mode).</summary>
public sealed record TestCallRequest(string Caller, string Number, int HoldSeconds = 10, string? Digits = null);

/// <summary>The test call was placed; its Call-ID finds it on the live page and in the ladder.</summary>
public sealed record TestCallResponse(string Status);

/// <summary>Marks a customer's site down or up (TRM5) on this node.</summary>
public sealed record SiteStateRequest(Guid CustomerId, string Site, bool Down);
