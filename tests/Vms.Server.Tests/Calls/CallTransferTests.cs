using Vms.Server.Features.Calls.Live;

namespace Vms.Server.Tests.Calls;

/// <summary>Blind transfer (REFER) of a forwarded call through the orchestration: dial path, record legs, fall-back.</summary>
[Trait("rfc", "3515")]
public class CallTransferTests
{
    private const string Forward = """
    { "root": "office", "nodes": [
      { "id": "office", "type": "forward", "number": "+3222345678", "ringTimeoutSeconds": 20, "default": "away" },
      { "id": "away", "type": "reject", "reason": "unavailable" } ] }
    """;

    [Fact]
    public async Task Refer_TargetAnswers_CallerBridgedToTargetTransferorByeAndLegMarkedTransferred()
    {
        using var s = new OrchestratorScenario(Forward);
        var (caller, run) = s.Call();
        var transferor = s.Dialer.Last;
        transferor.Answer();
        await OrchestratorScenario.Eventually(() => transferor.OnRefer is not null);

        var progress = transferor.Refer("sip:+32475123456@gateway.example;user=phone");
        Assert.NotNull(progress);
        await OrchestratorScenario.Eventually(() => s.Dialer.Sessions.Count == 2);
        var target = s.Dialer.Last;
        Assert.Equal("+32475123456", target.Request.Target);
        Assert.Equal(caller.CallerNumber, target.Request.CallerNumber);
        target.Answer();
        await OrchestratorScenario.Eventually(() => target.OnRefer is not null);

        Assert.True(transferor.ByeSent);
        Assert.Equal([(200, "OK")], progress.Reports);
        Assert.Equal("connected", s.Active.Snapshot().Single().State);
        Assert.Equal((0, 1), (Active(s, "+3222345678"), Active(s, "+32475123456"))); // the target took the transferor's place
        caller.CallerHangsUp();
        await run;

        Assert.Equal((0, 0), (Active(s, "+3222345678"), Active(s, "+32475123456")));

        Assert.True(target.ByeSent);
        var record = await s.SingleRecordAsync();
        Assert.Equal("answered", record.Outcome);
        Assert.Equal("caller", record.EndedBy);
        Assert.Collection(record.Legs,
            l => Assert.Equal(("+3222345678", "transferred"), (l.Destination, l.Outcome)),
            l => Assert.Equal(("+32475123456", "answered"), (l.Destination, l.Outcome)));
        Assert.NotNull(record.Legs[1].AnsweredAt);
        Assert.Equal(record.Legs[0].AnsweredAt, record.AnsweredAt); // the caller was answered once, by the first destination
    }

    [Fact]
    public async Task Refer_TargetBusyTransferorStillThere_CallerBackWithTransferor()
    {
        using var s = new OrchestratorScenario(Forward);
        var (caller, run) = s.Call();
        var transferor = s.Dialer.Last;
        transferor.Answer();
        await OrchestratorScenario.Eventually(() => transferor.OnRefer is not null);

        var progress = transferor.Refer("tel:+32475123456")!;
        await OrchestratorScenario.Eventually(() => s.Dialer.Sessions.Count == 2);
        Assert.Equal((1, 1), (Active(s, "+3222345678"), Active(s, "+32475123456"))); // the target counts while it rings
        s.Dialer.Last.Respond(486, "Busy Here");
        await OrchestratorScenario.Eventually(() => transferor.OnRefer is not null);
        Assert.Equal((1, 0), (Active(s, "+3222345678"), Active(s, "+32475123456")));

        Assert.Equal([(486, "Busy Here")], progress.Reports);
        Assert.False(transferor.ByeSent);
        Assert.Same(s.Media.Endpoints[1], s.Media.Endpoints[0].BridgedTo);
        transferor.CalleeHangsUp();
        await run;

        Assert.True(caller.ByeSent);
        var record = await s.SingleRecordAsync();
        Assert.Equal("answered", record.Outcome);
        Assert.Equal("callee", record.EndedBy);
        Assert.Collection(record.Legs,
            l => Assert.Equal("answered", l.Outcome),
            l => Assert.Equal(("busy", 486), (l.Outcome, l.SipStatus)));
    }

    [Fact]
    public async Task Refer_TargetFailsAfterTransferorLeft_CallEndsWithByeToCaller()
    {
        using var s = new OrchestratorScenario(Forward);
        var (caller, run) = s.Call();
        var transferor = s.Dialer.Last;
        transferor.Answer();
        await OrchestratorScenario.Eventually(() => transferor.OnRefer is not null);

        var progress = transferor.Refer("tel:+32475123456")!;
        await OrchestratorScenario.Eventually(() => s.Dialer.Sessions.Count == 2);
        transferor.CalleeHangsUp();
        s.Dialer.Last.Respond(503, "Service Unavailable");
        await run;

        Assert.Equal([(503, "Service Unavailable")], progress.Reports);
        Assert.True(caller.ByeSent);
        var record = await s.SingleRecordAsync();
        Assert.Equal("system", record.EndedBy);
        Assert.Equal("failed", record.Legs[1].Outcome);
        Assert.Equal(16, s.Media.FreePorts);
    }

    [Fact]
    public async Task Refer_ToSipUriWithoutNumber_RefusedAndCallStaysWithTransferor()
    {
        using var s = new OrchestratorScenario(Forward);
        var (caller, run) = s.Call();
        var transferor = s.Dialer.Last;
        transferor.Answer();
        await OrchestratorScenario.Eventually(() => transferor.OnRefer is not null);

        var progress = transferor.Refer("sip:alice@elsewhere.example")!;
        await OrchestratorScenario.Eventually(() => progress.Reports.Count == 1 && transferor.OnRefer is not null);

        Assert.Equal(403, progress.Reports[0].Status);
        Assert.Single(s.Dialer.Sessions);
        caller.CallerHangsUp();
        await run;
        Assert.Single((await s.SingleRecordAsync()).Legs);
    }

    [Fact]
    public async Task ReferFromCaller_TargetAnswers_CallerLeavesDestinationTalksToTargetRecorded()
    {
        using var s = new OrchestratorScenario(Forward);
        var (caller, run) = s.Call();
        var destination = s.Dialer.Last;
        destination.Answer();
        await OrchestratorScenario.Eventually(() => caller.OnRefer is not null);

        var progress = caller.Refer("tel:+32475123456")!;
        await OrchestratorScenario.Eventually(() => s.Dialer.Sessions.Count == 2);
        var target = s.Dialer.Last;
        target.Answer();
        await OrchestratorScenario.Eventually(() => caller.ByeSent);

        Assert.Equal([(200, "OK")], progress.Reports);
        Assert.Equal((1, 1), (Active(s, "+3222345678"), Active(s, "+32475123456"))); // destination and target talk on
        target.CalleeHangsUp();
        await run;

        Assert.Equal((0, 0), (Active(s, "+3222345678"), Active(s, "+32475123456")));

        Assert.True(destination.ByeSent);
        var record = await s.SingleRecordAsync();
        Assert.Equal("answered", record.Outcome);
        Assert.Collection(record.Legs,
            l => Assert.Equal(("+3222345678", "answered"), (l.Destination, l.Outcome)),
            l => Assert.Equal(("+32475123456", "answered"), (l.Destination, l.Outcome)));
        Assert.Equal(16, s.Media.FreePorts);
    }

    private static int Active(OrchestratorScenario s, string destination) =>
        s.Live.ActiveCalls(LiveCallState.Key(OrchestratorScenario.Customer, destination));
}
