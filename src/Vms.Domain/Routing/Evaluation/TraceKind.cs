namespace Vms.Domain.Routing.Evaluation;

/// <summary>One kind of decision recorded in the explanation trace.</summary>
public enum TraceKind : byte
{
    Holiday,
    ClosingDay,
    TimeRule,
    TimeOtherwise,
    CallerRule,
    CallerOtherwise,
    CalledRule,
    CalledOtherwise,
    Split,
    MenuPlayed,
    MenuKey,
    MenuInvalid,
    MenuTimeout,
    MenuGaveUp,
    SiteDown,
    Capacity,
    SiteCapacity,
    Forward,
    ForwardOutcome,
    Announcement,
    Queue,
    QueueOutcome,
    Voicemail,
    Reject,
    HangUp,
    Connected,
    LoopLimit,
}
