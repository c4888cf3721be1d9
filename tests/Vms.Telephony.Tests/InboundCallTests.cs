using Vms.Media.Codecs;
using Vms.Media.Sdp;
using Vms.Telephony.Media;
using Vms.Telephony.Tests.Fakes;

namespace Vms.Telephony.Tests;

public class InboundCallTests
{
    private static readonly TimeSpan Ring = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task DialAsync_DestinationAnswers_BridgedThroughRelayUntilCallerHangsUp()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();

        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Ring();
        Assert.Equal(180, Assert.Single(caller.Provisionals).Status);
        s.Dialer.Last.Answer();
        var result = await dial;

        Assert.Equal(DialOutcome.Answered, result.Outcome);
        Assert.Equal("+32475999999", s.Dialer.Last.Request.Target);
        Assert.Equal("+3221110000", s.Dialer.Last.Request.DivertedFrom);
        var bridge = call.BridgeAsync(result.Leg!, CancellationToken.None);
        Assert.NotNull(caller.Answered);
        Assert.Equal(CallState.Bridged, call.State);
        var callerEndpoint = s.Media.Endpoints[0];
        Assert.Same(s.Media.Endpoints[1], callerEndpoint.BridgedTo);
        Assert.Contains("c=IN IP4 198.51.100.1", System.Text.Encoding.ASCII.GetString(caller.Answered!.Value.Span), StringComparison.Ordinal);

        caller.CallerHangsUp();
        var ended = await bridge;

        Assert.Equal(CallParty.Caller, ended.EndedBy);
        Assert.True(s.Dialer.Last.ByeSent);
        Assert.False(caller.ByeSent);
        Assert.Equal(8, s.Media.FreePorts);
    }

    [Fact]
    public async Task BridgeAsync_DestinationHangsUpFirst_ByeToCaller()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();
        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Answer();
        var bridge = call.BridgeAsync((await dial).Leg!, CancellationToken.None);

        s.Dialer.Last.CalleeHangsUp();
        var ended = await bridge;

        Assert.Equal(CallParty.Callee, ended.EndedBy);
        Assert.True(caller.ByeSent);
        Assert.Equal(CallState.Ended, call.State);
    }

    [Theory]
    [InlineData(486, DialOutcome.Busy)]
    [InlineData(600, DialOutcome.Busy)]
    [InlineData(480, DialOutcome.NoAnswer)]
    [InlineData(503, DialOutcome.Failed)]
    [InlineData(404, DialOutcome.Failed)]
    [InlineData(408, DialOutcome.NoAnswer)]
    public async Task DialAsync_FinalError_ClassifiedAndCallerStillUp(int status, DialOutcome expected)
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();

        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Respond(status);
        var result = await dial;

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(status, result.SipStatus);
        Assert.Null(caller.Rejected);
        Assert.Null(caller.Answered);
        Assert.Equal(7, s.Media.FreePorts);
    }

    [Fact]
    public async Task DialAsync_RingTimeout_CancelSentAndNoAnswer()
    {
        var s = new CallScenario();
        var (_, call) = s.Incoming();

        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Ring();
        s.Time.Advance(TimeSpan.FromSeconds(19));
        Assert.False(dial.IsCompleted);
        s.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await dial;

        Assert.Equal(DialOutcome.NoAnswer, result.Outcome);
        Assert.True(s.Dialer.Last.CancelSent);
        Assert.Equal(TimeSpan.FromSeconds(20), result.EndedAt - result.StartedAt);
    }

    [Fact]
    public async Task DialAsync_CallerCancelsWhileRinging_CancelledAndLegCancelled()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();

        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Ring();
        caller.CallerCancels();
        var result = await dial;

        Assert.Equal(DialOutcome.Cancelled, result.Outcome);
        Assert.True(s.Dialer.Last.CancelSent);
    }

    [Fact]
    public async Task DialAsync_NoAnswerThenSecondDestinationAnswers_SecondLegBridged()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();
        var first = call!.DialAsync("+3221234567", Ring, null, CancellationToken.None);
        s.Time.Advance(Ring);
        Assert.Equal(DialOutcome.NoAnswer, (await first).Outcome);

        var second = call.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Answer();
        var result = await second;
        var bridge = call.BridgeAsync(result.Leg!, CancellationToken.None);
        caller.CallerHangsUp();
        await bridge;

        Assert.Equal(2, s.Dialer.Sessions.Count);
        Assert.NotNull(caller.Answered);
    }

    [Fact]
    public async Task DialAsync_EarlyMedia_183PassedToCallerWithAnchoredSdp()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();

        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.EarlyMedia();

        var (status, sdp) = Assert.Single(caller.Provisionals);
        Assert.Equal(183, status);
        Assert.Contains("198.51.100.1", System.Text.Encoding.ASCII.GetString(sdp.Span), StringComparison.Ordinal);
        Assert.Equal(CallState.EarlyMedia, call.State);
        Assert.NotNull(s.Media.Endpoints[0].BridgedTo);

        s.Dialer.Last.Respond(486);
        Assert.Equal(DialOutcome.Busy, (await dial).Outcome);
        Assert.Null(s.Media.Endpoints[0].BridgedTo);
    }

    [Fact]
    public void Accept_NoCommonCodec_Refused488()
    {
        var s = new CallScenario();

        var (caller, call) = s.Incoming(PhoneSdp.G722Only(4000));

        Assert.Null(call);
        Assert.Equal(488, caller.Rejected!.Value.Status);
    }

    [Fact]
    public void Accept_MalformedSdp_Refused400()
    {
        var s = new CallScenario();

        var (caller, call) = s.Incoming("not sdp at all"u8.ToArray());

        Assert.Null(call);
        Assert.Equal(400, caller.Rejected!.Value.Status);
    }

    [Fact]
    public void Accept_PortsExhausted_Refused503WithRetryAfter()
    {
        var s = new CallScenario(ports: 1);
        var (_, first) = s.Incoming();

        var (caller, call) = s.Incoming();

        Assert.NotNull(first);
        Assert.Null(call);
        Assert.Equal(503, caller.Rejected!.Value.Status);
        Assert.Contains(caller.Rejected.Value.Headers!, h => h.Key == "Retry-After");
    }

    [Fact]
    public async Task DialAsync_NoPortForCalleeLeg_Failed503()
    {
        var s = new CallScenario(ports: 1);
        var (_, call) = s.Incoming();

        var result = await call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);

        Assert.Equal(DialOutcome.Failed, result.Outcome);
        Assert.Equal(503, result.SipStatus);
        Assert.Empty(s.Dialer.Sessions);
    }

    [Fact]
    public async Task BridgeAsync_LateOffer_OfferIn200AnswerFromAck()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming(ReadOnlyMemory<byte>.Empty);
        caller.Ack = ours => PhoneSdp.Answer(ours, 4000);

        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Answer();
        var result = await dial;
        var bridge = call.BridgeAsync(result.Leg!, CancellationToken.None);

        Assert.True(call.IsLateOffer);
        Assert.Equal(CallState.Bridged, call.State);
        Assert.Equal(s.Media.Endpoints[0].Remote!.Codec, result.Leg!.Negotiated.Codec);
        caller.CallerHangsUp();
        await bridge;
    }

    [Fact]
    public async Task BridgeAsync_CallerPutsOnHold_ReInvitePassedThroughWithDirection()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();
        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Answer();
        var bridge = call.BridgeAsync((await dial).Leg!, CancellationToken.None);

        var answer = await caller.OnReInvite!(PhoneSdp.Offer(4000, MediaDirection.SendOnly, G711Law.Alaw), CancellationToken.None);

        Assert.Equal(200, answer.Status);
        Assert.Equal(MediaDirection.SendOnly, PhoneSdp.DirectionOf(Assert.Single(s.Dialer.Last.ReInvitesReceived)));
        Assert.Equal(MediaDirection.RecvOnly, PhoneSdp.DirectionOf(answer.Sdp));

        var unhold = await caller.OnReInvite!(PhoneSdp.Offer(4000, G711Law.Alaw), CancellationToken.None);
        Assert.Equal(MediaDirection.SendRecv, PhoneSdp.DirectionOf(unhold.Sdp));
        caller.CallerHangsUp();
        await bridge;
    }

    [Fact]
    public async Task BridgeAsync_CalleeHolds_ReInviteSentToCaller()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();
        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Answer();
        var bridge = call.BridgeAsync((await dial).Leg!, CancellationToken.None);

        var answer = await s.Dialer.Last.OnReInvite!(PhoneSdp.Offer(6000, MediaDirection.Inactive, G711Law.Alaw), CancellationToken.None);

        Assert.Equal(200, answer.Status);
        Assert.Equal(MediaDirection.Inactive, PhoneSdp.DirectionOf(Assert.Single(caller.ReInvitesReceived)));
        s.Dialer.Last.CalleeHangsUp();
        await bridge;
    }

    [Fact]
    public async Task CollectDigitsAsync_Menu_AnswersPlaysAndReturnsKey()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();
        s.Media.Digits.Enqueue("2");

        var digits = await call!.CollectDigitsAsync("menu-main", DigitOptions.SingleKey(TimeSpan.FromSeconds(5)), CancellationToken.None);

        Assert.Equal("2", digits);
        Assert.NotNull(caller.Answered);
        Assert.Equal(["menu-main"], s.Media.Endpoints[0].Played);
        Assert.Equal(CallState.Answered, call.State);
    }

    [Fact]
    public async Task PlayAsync_AnnouncementThenHangUp_ByeSent()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();

        var played = await call!.PlayAsync("closed", CancellationToken.None);
        await call.HangUpAsync(480, CancellationToken.None);

        Assert.Equal(PlayOutcome.Completed, played);
        Assert.True(caller.ByeSent);
        Assert.Equal(8, s.Media.FreePorts);
    }

    [Fact]
    public async Task HangUpAsync_Unanswered_RejectsWithStatus()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();

        await call!.HangUpAsync(486, CancellationToken.None);

        Assert.Equal(486, caller.Rejected!.Value.Status);
        Assert.Equal(486, call.FinalStatus);
    }

    [Fact]
    public async Task BridgeAsync_RecordingPathSet_RelayRecordsTheCall()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();
        call!.RecordingPath = "/rec/call.wav";
        var dial = call.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Answer();
        var bridge = call.BridgeAsync((await dial).Leg!, CancellationToken.None);

        Assert.True(call.Recorded);
        Assert.Equal("/rec/call.wav", s.Media.Endpoints[0].RecordedTo);
        caller.CallerHangsUp();
        await bridge;
    }

    [Fact]
    public async Task TransferTo_WhileBridged_TargetAnswersFirstLegEndedAndNewLegBridged()
    {
        var s = new CallScenario();
        var (caller, call) = s.Incoming();
        var dial = call!.DialAsync("+32475999999", Ring, null, CancellationToken.None);
        s.Dialer.Last.Answer();
        var first = s.Dialer.Last;
        var bridge = call.BridgeAsync((await dial).Leg!, CancellationToken.None);

        Assert.True(call.TransferTo("+3221234567"));
        var ended = await bridge;

        Assert.Equal("+3221234567", ended.TransferTarget);
        Assert.False(first.ByeSent);
        Assert.False(caller.ByeSent);
        Assert.Equal(CallState.Answered, call.State);
        var second = call.CompleteTransferAsync(ended, ended.TransferTarget!, Ring, CancellationToken.None);
        s.Dialer.Last.Answer();
        var answered = await second;
        Assert.True(first.ByeSent);
        var again = call.BridgeAsync(answered.Leg!, CancellationToken.None);
        Assert.Same(s.Media.Endpoints[0], s.Media.Endpoints.Single(e => e.BridgedTo is not null));
        caller.CallerHangsUp();
        Assert.Equal(CallParty.Caller, (await again).EndedBy);
        Assert.False(call.TransferTo("+3200000000"));
    }
}
