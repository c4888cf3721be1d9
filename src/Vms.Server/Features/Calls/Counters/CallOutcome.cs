namespace Vms.Server.Features.Calls.Counters;

/// <summary>How a call (or a leg) ended, for counters and records.</summary>
public enum CallOutcome
{
    Answered,
    Busy,
    NoAnswer,
    Failed,
    Cancelled,
    Rejected,
    Announcement,
    RateLimited,
}
