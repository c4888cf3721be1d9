using System.Collections.Concurrent;

namespace Vms.Server.Features.Calls.Limits;

/// <summary>
/// Per-number and per-source token buckets (B4): a burst of calls to one number or from one source is refused with
/// 503 + Retry-After while other numbers keep working. Idle buckets are swept now and then so the map stays small.
/// </summary>
internal sealed class CallRateLimiter
{
    private const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<string, TokenBucket> _numbers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenBucket> _sources = new(StringComparer.Ordinal);
    private readonly CallRateLimitOptions _options;
    private readonly TimeProvider _time;
    private int _sinceSweep;

    public CallRateLimiter(CallRateLimitOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    public int TrackedKeys => _numbers.Count + _sources.Count;

    /// <summary>Takes one call from both the source's and the number's bucket, or neither.</summary>
    public RateLimitDecision TryAcquire(string calledNumber, string source)
    {
        if (!_options.Enabled)
        {
            return RateLimitDecision.Allow;
        }

        var now = _time.GetTimestamp();
        var frequency = _time.TimestampFrequency;
        MaybeSweep(now, frequency);

        var sourceBucket = _sources.GetOrAdd(source, static (_, s) => new TokenBucket(s.o.PerSourcePerSecond, s.o.PerSourceBurst, s.now), (o: _options, now));
        if (!sourceBucket.TryTake(now, frequency, out var sourceWait))
        {
            return new RateLimitDecision(false, RateLimitScope.Source, sourceWait);
        }

        var numberBucket = _numbers.GetOrAdd(calledNumber, static (_, s) => new TokenBucket(s.o.PerNumberPerSecond, s.o.PerNumberBurst, s.now), (o: _options, now));
        if (!numberBucket.TryTake(now, frequency, out var numberWait))
        {
            sourceBucket.Refund();
            return new RateLimitDecision(false, RateLimitScope.Number, numberWait);
        }

        return RateLimitDecision.Allow;
    }

    private void MaybeSweep(long now, long frequency)
    {
        if (Interlocked.Increment(ref _sinceSweep) < SweepEvery)
        {
            return;
        }

        Interlocked.Exchange(ref _sinceSweep, 0);
        Sweep(_numbers, now, frequency);
        Sweep(_sources, now, frequency);
    }

    /// <summary>Forgets buckets that are full and unused for <see cref="CallRateLimitOptions.IdleAfter"/>.</summary>
    internal void Sweep()
    {
        var now = _time.GetTimestamp();
        Sweep(_numbers, now, _time.TimestampFrequency);
        Sweep(_sources, now, _time.TimestampFrequency);
    }

    private void Sweep(ConcurrentDictionary<string, TokenBucket> map, long now, long frequency)
    {
        var idleTicks = (long)(_options.IdleAfter.TotalSeconds * frequency);
        foreach (var (key, bucket) in map)
        {
            if (now - bucket.LastUsed >= idleTicks && bucket.IsFull(now, frequency))
            {
                map.TryRemove(key, out _);
            }
        }
    }
}
