namespace Vms.Media.Benchmarks;

/// <summary>A generator run with everything allocated up front: its counters and its sender thread.</summary>
internal sealed record PreparedRun(Phase Phase, Thread Sender, int Seconds);
