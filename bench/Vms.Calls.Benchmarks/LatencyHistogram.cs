namespace Vms.Calls.Benchmarks;

/// <summary>One-way packet latencies in 0.1 ms buckets up to 500 ms (the last bucket holds everything slower).</summary>
internal sealed class LatencyHistogram
{
    private const int Buckets = 5000;
    private readonly long[] _counts = new long[Buckets + 1];

    public void Add(TimeSpan latency)
    {
        var bucket = (int)Math.Clamp(latency.Ticks / (TimeSpan.TicksPerMillisecond / 10), 0, Buckets);
        Interlocked.Increment(ref _counts[bucket]);
    }

    public void Reset() => Array.Clear(_counts);

    public long Count => _counts.Sum();

    /// <summary>The latency below which <paramref name="fraction"/> of the packets arrived, in ms (upper bucket edge).</summary>
    public double Percentile(double fraction)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var target = (long)Math.Ceiling(total * fraction);
        long seen = 0;
        for (var i = 0; i <= Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= target)
            {
                return (i + 1) / 10.0;
            }
        }

        return Buckets / 10.0;
    }
}
