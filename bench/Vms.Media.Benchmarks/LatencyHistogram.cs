namespace Vms.Media.Benchmarks;

/// <summary>
/// One-way latency histogram: 1 µs buckets up to 10 ms, 100 µs buckets up to 1 s, 10 ms buckets up to 10 s,
/// then one overflow bucket; the exact maximum is kept. One writer thread per instance; merge to combine.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int FineLimit = 10_000; // µs
    private const int MidLimit = 1_000_000;
    private const int CoarseLimit = 10_000_000;
    private const int FineBuckets = FineLimit;
    private const int MidBuckets = (MidLimit - FineLimit) / 100;
    private const int CoarseBuckets = (CoarseLimit - MidLimit) / 10_000;
    private readonly long[] _counts = new long[FineBuckets + MidBuckets + CoarseBuckets + 1];

    public long Count { get; private set; }

    public long MaxMicros { get; private set; }

    public long Negative { get; private set; }

    public void Add(long micros)
    {
        if (micros < 0)
        {
            Negative++;
            micros = 0;
        }

        Count++;
        MaxMicros = Math.Max(MaxMicros, micros);
        _counts[Index(micros)]++;
    }

    public void Merge(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Negative += other.Negative;
        MaxMicros = Math.Max(MaxMicros, other.MaxMicros);
    }

    /// <summary>The upper bound (µs) of the bucket holding quantile <paramref name="q"/>; -1 when empty.</summary>
    public long Percentile(double q)
    {
        var target = (long)Math.Ceiling(Count * q);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= target && target > 0)
            {
                return Math.Min(UpperBound(i), MaxMicros);
            }
        }

        return -1;
    }

    public string Summary() =>
        FormattableString.Invariant($"p50={Percentile(0.5)} p90={Percentile(0.9)} p99={Percentile(0.99)} p99.9={Percentile(0.999)} p99.99={Percentile(0.9999)} max={MaxMicros} µs (n={Count})");

    private static int Index(long us) => us switch
    {
        < FineLimit => (int)us,
        < MidLimit => FineBuckets + (int)((us - FineLimit) / 100),
        < CoarseLimit => FineBuckets + MidBuckets + (int)((us - MidLimit) / 10_000),
        _ => FineBuckets + MidBuckets + CoarseBuckets,
    };

    private static long UpperBound(int i) => i switch
    {
        < FineBuckets => i + 1,
        < FineBuckets + MidBuckets => FineLimit + ((i - FineBuckets + 1) * 100L),
        < FineBuckets + MidBuckets + CoarseBuckets => MidLimit + ((i - FineBuckets - MidBuckets + 1) * 10_000L),
        _ => long.MaxValue,
    };
}
