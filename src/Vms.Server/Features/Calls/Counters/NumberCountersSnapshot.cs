namespace Vms.Server.Features.Calls.Counters;

/// <summary>A copy of one number's live counters for the portal page.</summary>
public sealed record NumberCountersSnapshot(
    Guid? CustomerId,
    string Number,
    long Active,
    long Total,
    long Answered,
    long Busy,
    long NoAnswer,
    long Failed,
    long Rejected,
    int CallsLastMinute);
