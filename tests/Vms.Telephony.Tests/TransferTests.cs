using Vms.Telephony.Tests.Fakes;

namespace Vms.Telephony.Tests;

/// <summary>Blind transfer by REFER from the destination (RFC 3515), with fake sessions and media.</summary>
[Trait("rfc", "3515")]
public class TransferTests
{
    private static readonly TimeSpan Ring = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Refer_TargetAnswers_TransferorTold200AndHungUpCallerBridgedToTarget()
    {
        var (s, caller, call, transferor, bridge) = await BridgedAsync();

        var progress = transferor.Refer("sip:+3221234567@gateway.example");
        Assert.NotNull(progress);
        var ended = await bridge;
        Assert.Equal("sip:+3221234567@gateway.example", ended.TransferTarget);
        Assert.Same(transferor, ended.TransferringLeg!.Session);

        var dial = call.CompleteTransferAsync(ended, TransferTargets.Resolve(ended.TransferTarget!, allowSipUris: false)!, Ring, CancellationToken.None);
        Assert.Equal("+3221234567", s.Dialer.Last.Request.Target);
        Assert.Equal(caller.CallerNumber, s.Dialer.Last.Request.CallerNumber);
        s.Dialer.Last.Answer();
        var answered = await dial;

        Assert.Equal(DialOutcome.Answered, answered.Outcome);
        Assert.Equal([(200, "OK")], progress.Reports);
        Assert.True(transferor.ByeSent);
        Assert.True(ended.TransferringLeg.Media is FakeMediaEndpoint { Disposed: true });
        var target = s.Dialer.Last;
        var again = call.BridgeAsync(answered.Leg!, CancellationToken.None);
        Assert.Same(answered.Leg!.Media, s.Media.Endpoints[0].BridgedTo);
        Assert.Equal(CallState.Bridged, call.State);
        target.CalleeHangsUp();
        Assert.Equal(CallParty.Callee, (await again).EndedBy);
        Assert.True(caller.ByeSent);
        Assert.Equal(8, s.Media.FreePorts);
    }

    [Fact]
    public async Task Refer_TargetBusyTransferorStillThere_ToldBusyAndBridgedBack()
    {
        var (s, caller, call, transferor, bridge) = await BridgedAsync();
        var progress = transferor.Refer("tel:+3221234567")!;
        var ended = await bridge;

        var dial = call.CompleteTransferAsync(ended, "+3221234567", Ring, CancellationToken.None);
        s.Dialer.Last.Respond(486, "Busy Here");
        var failed = await dial;

        Assert.Equal(DialOutcome.Busy, failed.Outcome);
        Assert.Equal([(486, "Busy Here")], progress.Reports);
        Assert.False(transferor.ByeSent);
        Assert.True(call.CanResumeAfterFailedTransfer(ended));
        var resumed = call.BridgeAsync(ended.TransferringLeg!, CancellationToken.None);
        Assert.Same(ended.TransferringLeg!.Media, s.Media.Endpoints[0].BridgedTo);
        caller.CallerHangsUp();
        Assert.Equal(CallParty.Caller, (await resumed).EndedBy);
        Assert.True(transferor.ByeSent);
    }

    [Fact]
    public async Task Refer_TargetFailsAfterTransferorHungUp_CannotResume()
    {
        var (s, _, call, transferor, bridge) = await BridgedAsync();
        var progress = transferor.Refer("tel:+3221234567")!;
        var ended = await bridge;
        transferor.CalleeHangsUp();

        var dial = call.CompleteTransferAsync(ended, "+3221234567", Ring, CancellationToken.None);
        s.Dialer.Last.Respond(503, "Service Unavailable");
        await dial;

        Assert.Equal([(503, "Service Unavailable")], progress.Reports);
        Assert.False(call.CanResumeAfterFailedTransfer(ended));
    }

    [Fact]
    public async Task Refer_CallerHangsUpWhileTargetRings_TargetCancelledTransferorHungUp()
    {
        var (s, caller, call, transferor, bridge) = await BridgedAsync();
        var progress = transferor.Refer("tel:+3221234567")!;
        var ended = await bridge;

        var dial = call.CompleteTransferAsync(ended, "+3221234567", Ring, CancellationToken.None);
        s.Dialer.Last.Ring();
        caller.CallerHangsUp();
        var result = await dial;

        Assert.Equal(DialOutcome.Cancelled, result.Outcome);
        Assert.True(s.Dialer.Last.CancelSent);
        Assert.Equal(487, progress.Reports.Single().Status);
        Assert.True(transferor.ByeSent);
    }

    [Fact]
    public async Task Refer_SecondReferWhileFirstUnderWay_Refused()
    {
        var (_, _, _, transferor, bridge) = await BridgedAsync();

        Assert.NotNull(transferor.Refer("tel:+3221234567"));
        await bridge;

        Assert.Null(transferor.Refer("tel:+3221234568"));
    }

    [Fact]
    public async Task Refer_BeforeBridge_Refused()
    {
        var s = new CallScenario();
        var (_, call) = s.Incoming();
        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Ring();

        Assert.Null(s.Dialer.Last.Refer("tel:+3221234567"));
        s.Dialer.Last.Respond(486);
        await dial;
    }

    [Fact]
    public async Task ReferFromCaller_TargetAnswers_CallerByeDestinationBridgedToTarget()
    {
        var (s, caller, call, destination, bridge) = await BridgedAsync();

        var progress = caller.Refer("tel:+3221234567");
        Assert.NotNull(progress);
        var ended = await bridge;
        Assert.Same(destination, ended.RemainingLeg!.Session);
        Assert.Null(ended.TransferringLeg);

        var transfer = call.TransferCallerAsync(ended, "+3221234567", Ring, CancellationToken.None);
        var target = s.Dialer.Last;
        Assert.NotSame(destination, target);
        Assert.Equal(caller.CalledNumber, target.Request.CallerNumber);
        target.Answer();
        await OrchestratorLikeEventually(() => caller.ByeSent);

        Assert.Equal([(200, "OK")], progress.Reports);
        await OrchestratorLikeEventually(() => s.Media.Endpoints[1].BridgedTo is not null);
        Assert.Same(s.Media.Endpoints[2], s.Media.Endpoints[1].BridgedTo); // destination ↔ target through the relay
        Assert.True(s.Media.Endpoints[0].Disposed);
        target.CalleeHangsUp();
        var result = await transfer;

        Assert.Equal(DialOutcome.Answered, result.Dial.Outcome);
        Assert.NotNull(result.Bridge);
        Assert.True(destination.ByeSent);
        Assert.False(target.ByeSent);
        Assert.Equal(8, s.Media.FreePorts);
    }

    [Fact]
    public async Task ReferFromCaller_TargetNoAnswer_CallerBridgedBackToDestination()
    {
        var (s, caller, call, destination, bridge) = await BridgedAsync();
        var progress = caller.Refer("tel:+3221234567")!;
        var ended = await bridge;

        var transfer = call.TransferCallerAsync(ended, "+3221234567", Ring, CancellationToken.None);
        s.Time.Advance(Ring);
        var result = await transfer;

        Assert.Equal(DialOutcome.NoAnswer, result.Dial.Outcome);
        Assert.Null(result.Bridge);
        Assert.Equal(487, progress.Reports.Single().Status);
        Assert.True(call.CanResumeAfterFailedTransfer(ended));
        var resumed = call.BridgeAsync(ended.RemainingLeg!, CancellationToken.None);
        Assert.Same(s.Media.Endpoints[1], s.Media.Endpoints[0].BridgedTo);
        Assert.False(destination.ByeSent);
        caller.CallerHangsUp();
        Assert.Equal(CallParty.Caller, (await resumed).EndedBy);
    }

    [Theory]
    [InlineData("tel:+32-2-123.45.67", false, "+3221234567")]
    [InlineData("sip:+3221234567@gw.example;user=phone", false, "+3221234567")]
    [InlineData("sip:+3221234567@127.0.0.1:5090", true, "sip:+3221234567@127.0.0.1:5090")]
    [InlineData("sip:alice@example.com", false, null)]
    [InlineData("not a uri", false, null)]
    public void Resolve_ReferTo_NumberThroughGatewayOrUri(string referTo, bool allowSipUris, string? expected) =>
        Assert.Equal(expected, TransferTargets.Resolve(referTo, allowSipUris));

    private static async Task OrchestratorLikeEventually(Func<bool> condition)
    {
        for (var i = 0; i < 200_000 && !condition(); i++)
        {
            await Task.Yield();
        }

        Assert.True(condition(), "the condition was never reached");
    }

    private static async Task<(CallScenario S, FakeInboundSession Caller, InboundCall Call, FakeOutboundSession Transferor, Task<BridgeResult> Bridge)> BridgedAsync()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();
        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Answer();
        var transferor = s.Dialer.Last;
        var bridge = call.BridgeAsync((await dial).Leg!, CancellationToken.None);
        return (s, caller, call, transferor, bridge);
    }
}
