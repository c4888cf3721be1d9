namespace Vms.Server.Features.Calls.Records;

/// <summary>How call records are batched and where they wait while the database is down.</summary>
public sealed class CallRecordWriterOptions
{
    /// <summary>Records queued in memory before the writer falls back to the spool file directly.</summary>
    public int QueueCapacity { get; set; } = 50_000;

    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long the writer lets records gather after the first one arrives, so that a steady call rate gives batches
    /// rather than one database transaction per call (each costs a context, a connection and a commit). Records are
    /// at most this late in the database; zero writes each record as soon as it comes.
    /// </summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The spool file (JSON lines) used while the store fails (default: under Vms:DataDirectory).</summary>
    public string SpoolPath { get; set; } = "";

    /// <summary>How often the spool is replayed into the store while it is not empty.</summary>
    public TimeSpan ReplayInterval { get; set; } = TimeSpan.FromSeconds(10);
}
