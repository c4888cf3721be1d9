using System.Globalization;

namespace Vms.Media.Benchmarks;

/// <summary>What a generator run measured.</summary>
internal sealed record PhaseResult(int Streams, long Sent, long SendErrors, long Received, long Lost, long Duplicated, double SendSeconds, LatencyHistogram Latency, LatencyHistogram SendLag)
{
    /// <summary>GC.GetTotalAllocatedBytes when the run ended, before its figures were computed.</summary>
    public long AllocatedAtEnd { get; init; }

    public double RatePerStream => Sent / SendSeconds / Streams;

    public string Describe(string name) => string.Create(CultureInfo.InvariantCulture,
        $"""
        [{name}] streams={Streams} sent={Sent} (send errors {SendErrors}) received={Received} lost={Lost} ({100.0 * Lost / Math.Max(1, Sent):F4} %) duplicated={Duplicated}
        [{name}] achieved send rate={RatePerStream:F2} packets/s per stream (target 50) = {Sent / SendSeconds:F0} packets/s in and {Received / SendSeconds:F0} out
        [{name}] one-way latency generator → generator (µs): {Latency.Summary()}
        [{name}] generator send lag behind schedule (µs): p50={SendLag.Percentile(0.5)} p99={SendLag.Percentile(0.99)} max={SendLag.MaxMicros}
        """);
}
