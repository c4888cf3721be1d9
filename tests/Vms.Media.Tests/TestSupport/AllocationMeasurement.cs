namespace Vms.Media.Tests.TestSupport;

/// <summary>
/// Tests that count the bytes their thread allocates run alone: a test running beside them can contend a shared
/// lock, and the runtime allocates the lock's wait event on the contending thread, which is not the code measured.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurement
{
    public const string Name = "Allocation measurement";
}
