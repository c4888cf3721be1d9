namespace Vms.Server.Features.Calls.Limits;

/// <summary>
/// A token bucket refilled continuously at <c>rate</c> tokens per second up to <c>burst</c>; time in
/// <see cref="TimeProvider"/> timestamps. A lock per bucket: contention is per key only.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly double _ratePerSecond;
    private readonly double _burst;
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double ratePerSecond, double burst, long now)
    {
        _ratePerSecond = ratePerSecond;
        _burst = Math.Max(1, burst);
        _tokens = _burst;
        _lastRefill = now;
        LastUsed = now;
    }

    /// <summary>The last timestamp this bucket was asked for a token (for the idle sweep).</summary>
    public long LastUsed { get; private set; }

    /// <summary>Takes one token; when there is none, says how long until there is one.</summary>
    public bool TryTake(long now, long frequency, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            Refill(now, frequency);
            LastUsed = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            var missing = 1 - _tokens;
            retryAfter = _ratePerSecond > 0 ? TimeSpan.FromSeconds(missing / _ratePerSecond) : TimeSpan.MaxValue;
            return false;
        }
    }

    /// <summary>Gives back a token taken by mistake (the other bucket of the same call refused).</summary>
    public void Refund()
    {
        lock (_gate)
        {
            _tokens = Math.Min(_burst, _tokens + 1);
        }
    }

    /// <summary>True when the bucket is full again, so forgetting it changes nothing.</summary>
    public bool IsFull(long now, long frequency)
    {
        lock (_gate)
        {
            Refill(now, frequency);
            return _tokens >= _burst;
        }
    }

    private void Refill(long now, long frequency)
    {
        var elapsed = (double)(now - _lastRefill) / frequency;
        if (elapsed > 0)
        {
            _tokens = Math.Min(_burst, _tokens + (elapsed * _ratePerSecond));
            _lastRefill = now;
        }
    }
}
