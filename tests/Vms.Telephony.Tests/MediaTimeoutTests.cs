using Vms.Media.Codecs;
using Vms.Media.Sdp;
using Vms.Telephony.Tests.Fakes;

namespace Vms.Telephony.Tests;

/// <summary>The RTP inactivity timeout of bridged calls, on a fake clock (the check runs every 5 s).</summary>
public class MediaTimeoutTests
{
    private static readonly TimeSpan Ring = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task BridgeAsync_NoPacketsForTimeout_ByeToBothLegsWithReason()
    {
        var (s, caller, call, callee, bridge) = await BridgedAsync();

        Advance(s, TimeSpan.FromSeconds(55));
        Assert.False(bridge.IsCompleted);
        Assert.False(caller.ByeSent);
        Advance(s, Step);
        var ended = await bridge.WaitAsync(Bound);

        Assert.True(ended.MediaTimedOut);
        Assert.Equal(CallParty.System, ended.EndedBy);
        Assert.Equal(TimeSpan.FromSeconds(60), ended.EndedAt - ended.ConnectedAt);
        Assert.True(caller.ByeSent);
        Assert.True(callee.ByeSent);
        Assert.Equal("SIP;cause=200;text=\"media timeout\"", caller.ByeReason);
        Assert.Equal("SIP;cause=200;text=\"media timeout\"", callee.ByeReason);
        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal(8, s.Media.FreePorts);
        var log = Assert.Single(s.Log.Lines, l => l.EventId == 6005);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, log.Level);
        Assert.Contains(caller.CallId, log.Message, StringComparison.Ordinal);
        Assert.Contains("media timeout", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BridgeAsync_PacketsKeepFlowing_CallStays()
    {
        var (s, caller, _, callee, bridge) = await BridgedAsync();
        var callerEndpoint = s.Media.Endpoints[0];
        var calleeEndpoint = s.Media.Endpoints[1];

        for (var i = 0; i < 60; i++)
        {
            callerEndpoint.PacketsReceived += 250;
            calleeEndpoint.PacketsReceived += 250;
            Advance(s, Step);
        }

        Assert.False(bridge.IsCompleted);
        caller.CallerHangsUp();
        var ended = await bridge.WaitAsync(Bound);
        Assert.False(ended.MediaTimedOut);
        Assert.Equal(CallParty.Caller, ended.EndedBy);
        Assert.Null(callee.ByeReason);
    }

    [Fact]
    public async Task BridgeAsync_OnlyOneLegSendsMedia_CallStays()
    {
        var (s, _, _, callee, bridge) = await BridgedAsync();

        for (var i = 0; i < 60; i++)
        {
            s.Media.Endpoints[1].PacketsReceived += 250; // the destination talks, the caller is muted (one-way audio)
            Advance(s, Step);
        }

        Assert.False(bridge.IsCompleted);
        callee.CalleeHangsUp();
        Assert.False((await bridge.WaitAsync(Bound)).MediaTimedOut);
    }

    [Fact]
    public async Task BridgeAsync_MediaStopsAfterFlowing_TimedOutAfterLastPacket()
    {
        var (s, _, _, _, bridge) = await BridgedAsync();
        for (var i = 0; i < 12; i++)
        {
            s.Media.Endpoints[0].PacketsReceived += 250;
            Advance(s, Step);
        }

        Advance(s, TimeSpan.FromSeconds(55));
        Assert.False(bridge.IsCompleted);
        Advance(s, Step);

        var ended = await bridge.WaitAsync(Bound);
        Assert.True(ended.MediaTimedOut);
        Assert.Equal(TimeSpan.FromSeconds(120), ended.EndedAt - ended.ConnectedAt);
    }

    [Fact]
    public async Task BridgeAsync_CallerOnHold_NotTimedOutAndClockRestartsOnUnhold()
    {
        var (s, caller, _, _, bridge) = await BridgedAsync();
        Advance(s, TimeSpan.FromSeconds(30));

        var hold = await caller.OnReInvite!(PhoneSdp.Offer(4000, MediaDirection.SendOnly, G711Law.Alaw), CancellationToken.None);
        Assert.Equal(200, hold.Status);
        Advance(s, TimeSpan.FromMinutes(10));
        Assert.False(bridge.IsCompleted);

        var unhold = await caller.OnReInvite!(PhoneSdp.Offer(4000, G711Law.Alaw), CancellationToken.None);
        Assert.Equal(MediaDirection.SendRecv, PhoneSdp.DirectionOf(unhold.Sdp));
        Advance(s, TimeSpan.FromSeconds(55));
        Assert.False(bridge.IsCompleted);
        Advance(s, Step);

        var ended = await bridge.WaitAsync(Bound);
        Assert.True(ended.MediaTimedOut);
        Assert.True(caller.ByeSent);
    }

    [Fact]
    public async Task BridgeAsync_CalleeHoldsInactive_CallStays()
    {
        var (s, caller, _, callee, bridge) = await BridgedAsync();

        var hold = await callee.OnReInvite!(PhoneSdp.Offer(6000, MediaDirection.Inactive, G711Law.Alaw), CancellationToken.None);
        Assert.Equal(200, hold.Status);
        Advance(s, TimeSpan.FromMinutes(10));

        Assert.False(bridge.IsCompleted);
        Assert.False(caller.ByeSent);
        callee.CalleeHangsUp();
        Assert.Equal(CallParty.Callee, (await bridge.WaitAsync(Bound)).EndedBy);
    }

    [Fact]
    public async Task BridgeAsync_TimeoutZero_CallStays()
    {
        var (s, caller, _, _, bridge) = await BridgedAsync(new TelephonyOptions { MediaTimeout = TimeSpan.Zero });

        Advance(s, TimeSpan.FromMinutes(10));

        Assert.False(bridge.IsCompleted);
        caller.CallerHangsUp();
        Assert.False((await bridge.WaitAsync(Bound)).MediaTimedOut);
    }

    [Fact]
    public async Task BridgeAsync_ShorterTimeout_CheckedAtLeastThatOften()
    {
        var (s, _, _, _, bridge) = await BridgedAsync(new TelephonyOptions { MediaTimeout = TimeSpan.FromSeconds(2) });

        s.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(bridge.IsCompleted);
        s.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await bridge.WaitAsync(Bound)).MediaTimedOut);
    }

    [Fact]
    public async Task TransferCallerAsync_DestinationAndTargetSilent_BothLegsByeWithReason()
    {
        var (s, caller, call, destination, bridge) = await BridgedAsync();
        Assert.NotNull(caller.Refer("tel:+3221234567"));
        var ended = await bridge.WaitAsync(Bound);
        var transfer = call.TransferCallerAsync(ended, "+3221234567", Ring, CancellationToken.None);
        var target = s.Dialer.Last;
        target.Answer();
        await Eventually(() => target.OnReInvite is not null); // set once the leg-to-leg bridge and its check are up
        Assert.True(caller.ByeSent);
        Assert.Null(caller.ByeReason);

        Advance(s, TimeSpan.FromSeconds(60));
        var result = await transfer.WaitAsync(Bound);

        Assert.True(result.Bridge!.MediaTimedOut);
        Assert.Equal(CallParty.System, result.Bridge.EndedBy);
        Assert.Equal("SIP;cause=200;text=\"media timeout\"", destination.ByeReason);
        Assert.Equal("SIP;cause=200;text=\"media timeout\"", target.ByeReason);
        Assert.Equal(8, s.Media.FreePorts);
    }

    /// <summary>Fake time in 5 s steps, as a real clock would tick the check.</summary>
    private static void Advance(CallScenario s, TimeSpan by)
    {
        for (var left = by; left > TimeSpan.Zero; left -= Step)
        {
            s.Time.Advance(left < Step ? left : Step);
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200_000 && !condition(); i++)
        {
            await Task.Yield();
        }

        Assert.True(condition(), "the condition was never reached");
    }

    private static async Task<(CallScenario S, FakeInboundSession Caller, InboundCall Call, FakeOutboundSession Callee, Task<BridgeResult> Bridge)> BridgedAsync(TelephonyOptions? options = null)
    {
        var s = new CallScenario(options: options);
        var (caller, call) = s.Incoming();
        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Answer();
        var callee = s.Dialer.Last;
        var bridge = call.BridgeAsync((await dial.WaitAsync(Bound)).Leg!, CancellationToken.None);
        Assert.Equal(CallState.Bridged, call.State);
        return (s, caller, call, callee, bridge);
    }
}
