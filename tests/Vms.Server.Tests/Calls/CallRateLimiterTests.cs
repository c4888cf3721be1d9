using Microsoft.Extensions.Time.Testing;
using Vms.Server.Features.Calls.Limits;

namespace Vms.Server.Tests.Calls;

public class CallRateLimiterTests
{
    private static CallRateLimiter Create(FakeTimeProvider time) => new(
        new CallRateLimitOptions { PerNumberPerSecond = 2, PerNumberBurst = 4, PerSourcePerSecond = 10, PerSourceBurst = 10 },
        time);

    [Fact]
    public void TryAcquire_BurstToOneNumber_RefusedWithRetryAfterWhileOtherNumbersPass()
    {
        var time = new FakeTimeProvider();
        var limiter = Create(time);

        for (var i = 0; i < 4; i++)
        {
            Assert.True(limiter.TryAcquire("+3221110000", "10.0.0.1").Allowed);
        }

        var refused = limiter.TryAcquire("+3221110000", "10.0.0.1");

        Assert.False(refused.Allowed);
        Assert.Equal(RateLimitScope.Number, refused.Scope);
        Assert.Equal(1, refused.RetryAfterSeconds);
        Assert.True(limiter.TryAcquire("+3221110001", "10.0.0.1").Allowed);
    }

    [Fact]
    public void TryAcquire_AfterRefill_AllowedAgain()
    {
        var time = new FakeTimeProvider();
        var limiter = Create(time);
        for (var i = 0; i < 4; i++)
        {
            limiter.TryAcquire("n", "s");
        }

        Assert.False(limiter.TryAcquire("n", "s").Allowed);
        time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.True(limiter.TryAcquire("n", "s").Allowed);
        Assert.False(limiter.TryAcquire("n", "s").Allowed);
    }

    [Fact]
    public void TryAcquire_SourceFlood_RefusedBySourceAndNumberTokensKept()
    {
        var time = new FakeTimeProvider();
        var limiter = Create(time);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(limiter.TryAcquire($"n{i}", "flooder").Allowed);
        }

        var refused = limiter.TryAcquire("n0", "flooder");

        Assert.Equal(RateLimitScope.Source, refused.Scope);
        Assert.True(limiter.TryAcquire("n0", "other").Allowed);
    }

    [Fact]
    public void TryAcquire_NumberRefused_SourceTokenRefunded()
    {
        var time = new FakeTimeProvider();
        var limiter = new CallRateLimiter(
            new CallRateLimitOptions { PerNumberPerSecond = 0.001, PerNumberBurst = 1, PerSourcePerSecond = 0.001, PerSourceBurst = 2 },
            time);

        Assert.True(limiter.TryAcquire("n", "s").Allowed);
        Assert.Equal(RateLimitScope.Number, limiter.TryAcquire("n", "s").Scope);

        Assert.True(limiter.TryAcquire("m", "s").Allowed);
    }

    [Fact]
    public void Sweep_IdleFullBuckets_Forgotten()
    {
        var time = new FakeTimeProvider();
        var limiter = Create(time);
        limiter.TryAcquire("n", "s");
        Assert.Equal(2, limiter.TrackedKeys);

        time.Advance(TimeSpan.FromMinutes(6));
        limiter.Sweep();

        Assert.Equal(0, limiter.TrackedKeys);
    }

    [Fact]
    public void TryAcquire_Disabled_AlwaysAllowed()
    {
        var limiter = new CallRateLimiter(new CallRateLimitOptions { Enabled = false, PerNumberBurst = 1 }, new FakeTimeProvider());

        for (var i = 0; i < 100; i++)
        {
            Assert.True(limiter.TryAcquire("n", "s").Allowed);
        }
    }
}
