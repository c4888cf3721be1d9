using Microsoft.Extensions.Time.Testing;
using Vms.Server.Features.Account;

namespace Vms.Server.Tests.Account;

public sealed class LoginThrottleTests
{
    [Fact]
    public void IsAllowed_FiveFailuresFromOneAddress_BlocksThatAddressOnly()
    {
        var clock = new FakeTimeProvider();
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < LoginThrottle.FreeAttempts; i++)
        {
            throttle.Failed("alice", "10.0.0.66");
        }

        Assert.False(throttle.IsAllowed("alice", "10.0.0.66"));
        Assert.True(throttle.IsAllowed("alice", "10.0.0.7"));
        Assert.True(throttle.IsAllowed("bob", "10.0.0.66"));
    }

    [Fact]
    public void IsAllowed_KeepsGuessing_WaitGrowsButNeverBeyondFifteenMinutes()
    {
        var clock = new FakeTimeProvider();
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < 50; i++)
        {
            throttle.Failed("alice", "10.0.0.66");
        }

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.False(throttle.IsAllowed("alice", "10.0.0.66"));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(throttle.IsAllowed("alice", "10.0.0.66"));
    }

    [Fact]
    public void Succeeded_ClearsThePair()
    {
        var clock = new FakeTimeProvider();
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed("alice", "10.0.0.7");
        }

        throttle.Succeeded("alice", "10.0.0.7");
        throttle.Failed("alice", "10.0.0.7");
        Assert.True(throttle.IsAllowed("alice", "10.0.0.7"));
    }
}
