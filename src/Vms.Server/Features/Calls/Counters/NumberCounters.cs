namespace Vms.Server.Features.Calls.Counters;

/// <summary>The live counters of one called number (updated with Interlocked).</summary>
internal sealed class NumberCounters
{
    public long Active;
    public long Total;
    public long Answered;
    public long Busy;
    public long NoAnswer;
    public long Failed;
    public long Rejected;
    public readonly MinuteWindow Started = new();
}
