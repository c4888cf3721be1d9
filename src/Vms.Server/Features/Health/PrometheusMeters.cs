using System.Diagnostics.Metrics;
using Prometheus;

namespace Vms.Server.Features.Health;

/// <summary>
/// Publishes the process's System.Diagnostics.Metrics instruments (calls, HTTP, runtime) on /metrics from start-up.
/// prometheus-net starts its meter adapter only at the first scrape by default, and a meter measurement nobody
/// listens to is dropped: every call before the first scrape would be missing from the counters. The adapter is
/// started here instead, once per process (the Prometheus registry is process-wide), before the host starts its
/// services; histograms use the bucket boundaries their instrument advises.
/// </summary>
internal static class PrometheusMeters
{
    private static readonly Lock Gate = new();
    private static IDisposable? s_adapter;

    /// <summary>True once the adapter listens (idempotent start).</summary>
    public static bool Listening
    {
        get
        {
            lock (Gate)
            {
                return s_adapter is not null;
            }
        }
    }

    public static void StartListening()
    {
        lock (Gate)
        {
            if (s_adapter is not null)
            {
                return;
            }

            // The default registry would start a second adapter at its first scrape: it must not count twice.
            Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
            {
                SuppressMeters = true,
                SuppressEventCounters = false,
                SuppressProcessMetrics = false,
                SuppressDebugMetrics = false,
            });
            s_adapter = MeterAdapter.StartListening(new MeterAdapterOptions
            {
                // Counters of a quiet number stay published for a day (the adapter forgets series nobody updates).
                MetricsExpireAfter = TimeSpan.FromDays(1),
                ResolveHistogramBuckets = Buckets,
            });
        }
    }

    private static double[] Buckets(Instrument instrument) =>
        instrument is Histogram<double> { Advice.HistogramBucketBoundaries: { Count: > 0 } advised } ? [.. advised] : MeterAdapterOptions.DefaultHistogramBuckets;
}
