using Vms.Domain.Routing.Snapshot;
using Vms.Server.Features.Calls.Limits;
using Vms.Server.Features.Calls.Live;

namespace Vms.Server.Tests.Calls;

public class CallOrchestratorTests
{
    private const string Office = """
    {
      "root": "office",
      "sites": [{ "id": "hq", "maxCalls": 5 }],
      "nodes": [
        { "id": "office", "type": "forward", "number": "+3222345678", "ringTimeoutSeconds": 20, "site": "hq", "maxCalls": 1,
          "onBusy": "busyMsg", "onNoAnswer": "mobile", "onFailed": "failMsg", "onCapacity": "capacityMsg", "onSiteDown": "downMsg" },
        { "id": "mobile", "type": "forward", "number": "+32475123456", "ringTimeoutSeconds": 15, "default": "goodbye" },
        { "id": "busyMsg", "type": "announcement", "prompt": "busy" },
        { "id": "failMsg", "type": "announcement", "prompt": "failed" },
        { "id": "capacityMsg", "type": "announcement", "prompt": "capacity" },
        { "id": "downMsg", "type": "announcement", "prompt": "down" },
        { "id": "goodbye", "type": "announcement", "prompt": "goodbye" }
      ]
    }
    """;

    private const string Menu = """
    {
      "root": "menu",
      "nodes": [
        { "id": "menu", "type": "menu", "prompt": "welcome", "timeoutSeconds": 4, "maxRepeats": 0, "onTimeout": "goodbye", "onInvalid": "goodbye",
          "options": [ { "digit": "1", "next": "sales" }, { "digit": "2", "next": "agents" } ] },
        { "id": "sales", "type": "forward", "number": "+3222345678", "default": "goodbye" },
        { "id": "agents", "type": "agentGroup", "group": "support", "next": "goodbye" },
        { "id": "goodbye", "type": "announcement", "prompt": "goodbye" }
      ]
    }
    """;

    [Fact]
    public async Task Forward_Answered_BridgedAndRecordWritten()
    {
        using var s = new OrchestratorScenario(Office);
        var (caller, run) = s.Call();

        s.Dialer.Last.Ring();
        s.Dialer.Last.Answer();
        await OrchestratorScenario.Eventually(() => s.Active.Snapshot().SingleOrDefault()?.State == "connected");
        Assert.Equal(1, s.Live.ActiveCalls(LiveCallState.Key(OrchestratorScenario.Customer, "+3222345678")));
        Assert.Equal(1, s.Counters.ActiveTotal);
        caller.CallerHangsUp();
        await run;

        var record = await s.SingleRecordAsync();
        Assert.Equal("answered", record.Outcome);
        Assert.Equal(OrchestratorScenario.Customer, record.CustomerId);
        Assert.Equal("caller", record.EndedBy);
        var leg = Assert.Single(record.Legs);
        Assert.Equal("+3222345678", leg.Destination);
        Assert.True(leg.Rerouted);
        Assert.True(leg.OffNet);
        Assert.NotNull(leg.AnsweredAt);
        Assert.Contains("forward to +3222345678", record.RouteTrace, StringComparison.Ordinal);
        Assert.Equal(0, s.Live.ActiveCalls(LiveCallState.Key(OrchestratorScenario.Customer, "+3222345678")));
        Assert.Equal(0, s.Counters.ActiveTotal);
        Assert.Empty(s.Active.Snapshot());
    }

    [Fact]
    public async Task Forward_Busy_TakesBusyBranch()
    {
        using var s = new OrchestratorScenario(Office);
        var (caller, run) = s.Call();

        s.Dialer.Last.Respond(486, "Busy Here");
        await run;

        Assert.Equal(["busy"], s.Played);
        Assert.True(caller.ByeSent);
        var record = await s.SingleRecordAsync();
        Assert.Equal("busy", record.Legs[0].Outcome);
        Assert.Equal(486, record.Legs[0].SipStatus);
        Assert.Contains("busy →", record.RouteTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_NoAnswer_CancelThenSecondDestination()
    {
        using var s = new OrchestratorScenario(Office);
        var (caller, run) = s.Call();
        var office = s.Dialer.Last;

        s.Time.Advance(TimeSpan.FromSeconds(20));
        await OrchestratorScenario.Eventually(() => s.Dialer.Sessions.Count == 2);
        Assert.True(office.CancelSent);
        Assert.Equal("+32475123456", s.Dialer.Last.Request.Target);
        s.Dialer.Last.Answer();
        await OrchestratorScenario.Eventually(() => s.Active.Snapshot().SingleOrDefault()?.State == "connected");
        s.Dialer.Last.CalleeHangsUp();
        await run;

        var record = await s.SingleRecordAsync();
        Assert.Equal(["no-answer", "answered"], record.Legs.Select(l => l.Outcome));
        Assert.Equal("callee", record.EndedBy);
        Assert.True(caller.ByeSent);
    }

    [Fact]
    public async Task Forward_Unreachable_TakesFailedBranch()
    {
        using var s = new OrchestratorScenario(Office);
        var (_, run) = s.Call();

        s.Dialer.Last.Respond(503, "Service Unavailable");
        await run;

        Assert.Equal(["failed"], s.Played);
        Assert.Equal("failed", (await s.SingleRecordAsync()).Legs[0].Outcome);
    }

    [Fact]
    public async Task Forward_DestinationAtCapacity_TakesCapacityBranchWithoutDialling()
    {
        using var s = new OrchestratorScenario(Office);
        using var busy = s.Live.TryReserve(LiveCallState.Key(OrchestratorScenario.Customer, "+3222345678"), null, null, null).Lease;

        var (_, run) = s.Call();
        await run;

        Assert.Empty(s.Dialer.Sessions);
        Assert.Equal(["capacity"], s.Played);
    }

    [Fact]
    public async Task Forward_SiteDown_TakesSiteDownBranch()
    {
        using var s = new OrchestratorScenario(Office);
        s.Live.SetSiteDown(LiveCallState.Key(OrchestratorScenario.Customer, "hq"), true);

        var (_, run) = s.Call();
        await run;

        Assert.Empty(s.Dialer.Sessions);
        Assert.Equal(["down"], s.Played);
    }

    [Fact]
    public async Task Forward_CallerHangsUpWhileRinging_CancelledAndRecorded()
    {
        using var s = new OrchestratorScenario(Office);
        var (caller, run) = s.Call();

        s.Dialer.Last.Ring();
        caller.CallerCancels();
        await run;

        Assert.True(s.Dialer.Last.CancelSent);
        var record = await s.SingleRecordAsync();
        Assert.Equal("cancelled", record.Outcome);
        Assert.Equal("cancelled", record.Legs[0].Outcome);
    }

    [Fact]
    public async Task Menu_KeyOne_ForwardsToSales()
    {
        using var s = new OrchestratorScenario(Menu);
        s.Media.Digits.Enqueue("1");
        var (caller, run) = s.Call();

        await OrchestratorScenario.Eventually(() => s.Dialer.Sessions.Count == 1);
        s.Dialer.Last.Answer();
        await OrchestratorScenario.Eventually(() => s.Active.Snapshot().SingleOrDefault()?.State == "connected");
        caller.CallerHangsUp();
        await run;

        Assert.Equal(["welcome"], s.Played);
        Assert.Contains("key '1'", (await s.SingleRecordAsync()).RouteTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Menu_NoKey_AnnouncementThenHangUp()
    {
        using var s = new OrchestratorScenario(Menu);
        var (caller, run) = s.Call();

        await run;

        Assert.Equal(["welcome", "goodbye"], s.Played);
        Assert.True(caller.ByeSent);
        Assert.Equal("announcement", (await s.SingleRecordAsync()).Outcome);
    }

    [Fact]
    public async Task Menu_AgentGroup_Answers480WhenNotAnswered()
    {
        using var s = new OrchestratorScenario("""
        { "root": "agents", "nodes": [ { "id": "agents", "type": "agentGroup", "group": "support" } ] }
        """);
        var (caller, run) = s.Call();

        await run;

        Assert.Equal(480, caller.Rejected!.Value.Status);
        Assert.Equal("rejected", (await s.SingleRecordAsync()).Outcome);
    }

    [Fact]
    public async Task Reject_BusyReason_486()
    {
        using var s = new OrchestratorScenario("""
        { "root": "r", "nodes": [ { "id": "r", "type": "reject", "reason": "busy" } ] }
        """);
        var (caller, run) = s.Call();

        await run;

        Assert.Equal(486, caller.Rejected!.Value.Status);
    }

    [Fact]
    public async Task Handle_UnknownNumber_404()
    {
        using var s = new OrchestratorScenario(Office);
        var (caller, run) = s.Call("+3222999999");

        await run;

        Assert.Equal(404, caller.Rejected!.Value.Status);
        Assert.Empty(s.Media.Endpoints);
    }

    [Fact]
    public async Task Handle_NoActivePlan_480()
    {
        using var s = new OrchestratorScenario(Office);
        var tree = Guid.NewGuid();
        s.Snapshots.Current = RoutingSnapshot.Build(new SnapshotSource(
            [new PublishedTree(OrchestratorScenario.Customer, tree, 1, Office)],
            [new PlanAssignment(OrchestratorScenario.Number, PlanKind.Normal, tree, false), new PlanAssignment(OrchestratorScenario.Number, PlanKind.Drs, Guid.NewGuid(), true)]));
        var (caller, run) = s.Call();

        await run;

        Assert.Equal(480, caller.Rejected!.Value.Status);
    }

    [Fact]
    public async Task Handle_UntrustedPeer_403()
    {
        using var s = new OrchestratorScenario(Office);
        var (caller, run) = s.Call(source: "203.0.113.9");

        await run;

        Assert.Equal(403, caller.Rejected!.Value.Status);
        Assert.Empty(s.Dialer.Sessions);
    }

    [Fact]
    public async Task Handle_BurstToOneNumber_503RetryAfterWhileOtherNumbersWork()
    {
        using var s = new OrchestratorScenario(Office, new CallRateLimitOptions { PerNumberPerSecond = 1, PerNumberBurst = 1 });
        var (first, run1) = s.Call();
        var (second, run2) = s.Call();
        var (third, run3) = s.Call("+3222999999");
        await run2;
        await run3;

        Assert.Null(first.Rejected);
        Assert.Equal(503, second.Rejected!.Value.Status);
        Assert.Contains(second.Rejected.Value.Headers!, h => h.Key == "Retry-After" && h.Value == "1");
        Assert.Equal(404, third.Rejected!.Value.Status);
        first.CallerCancels();
        await run1;
    }

    [Fact]
    public async Task Handle_CallFromCustomerPbx_ForwardedToGatewayAndRecorded()
    {
        using var s = new OrchestratorScenario(Office);
        var (caller, run) = s.Call("+32475999888", source: "10.9.9.9");

        Assert.Equal("+32475999888", s.Dialer.Last.Request.Target);
        s.Dialer.Last.Answer();
        await OrchestratorScenario.Eventually(() => s.Active.Snapshot().SingleOrDefault()?.State == "connected");
        caller.CallerHangsUp();
        await run;

        var record = await s.SingleRecordAsync();
        Assert.Equal(OrchestratorScenario.Customer, record.CustomerId);
        Assert.Equal("answered", record.Outcome);
        Assert.False(record.Legs[0].Rerouted);
        Assert.Contains("customer PBX", record.RouteTrace, StringComparison.Ordinal);
    }
}
