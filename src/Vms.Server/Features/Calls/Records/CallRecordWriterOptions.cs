namespace Vms.Server.Features.Calls.Records;

/// <summary>How call records are batched and where they wait while the database is down.</summary>
public sealed class CallRecordWriterOptions
{
    /// <summary>Records queued in memory before the writer falls back to the spool file directly.</summary>
    public int QueueCapacity { get; set; } = 50_000;

    public int BatchSize { get; set; } = 200;

    /// <summary>The spool file (JSON lines) used while the store fails (default: under Vms:DataDirectory).</summary>
    public string SpoolPath { get; set; } = "";

    /// <summary>How often the spool is replayed into the store while it is not empty.</summary>
    public TimeSpan ReplayInterval { get; set; } = TimeSpan.FromSeconds(10);
}
