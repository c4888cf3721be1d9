using Vms.Domain.Routing.Evaluation;
using Vms.Testing;

namespace Vms.Domain.Tests.Routing;

/// <summary>Dynamic criteria (TRM3) before and after a forward: site down, capacity per destination and per site.</summary>
public class RouteEvaluationDynamicTests
{
    private const string Monday = "2026-11-30T09:00:00Z";

    public static TheoryData<string, string[], int, int, string> States => new()
    {
        // case, sites down, calls at office, calls at site hq, expected first step
        { "all up", [], 0, 0, "Forward:office" },
        { "site down → onSiteDown (mobile)", ["hq"], 0, 0, "Forward:mobile" },
        { "other site down", ["elsewhere"], 0, 0, "Forward:office" },
        { "destination at max (2) → onCapacity", [], 2, 2, "Play:busyMsg" },
        { "destination below max", [], 1, 1, "Forward:office" },
        { "site at max (3) → onCapacity", [], 0, 3, "Play:busyMsg" },
        { "site down wins over capacity", ["hq"], 5, 5, "Forward:mobile" },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void Evaluate_LiveState_FollowsTable(string name, string[] down, int calls, int siteCalls, string expected)
    {
        var plan = TestTrees.Compile(TestTrees.Office);
        var live = new FakeLiveState();
        live.Down.UnionWith(down);
        live.Calls["+3222345678"] = calls;
        live.SiteCalls["hq"] = siteCalls;

        var path = TestTrees.Run(plan, TestTrees.Call(Monday, "+3292345678") with { Live = live });

        Assert.True(expected == path[0], $"{name}: got {string.Join("|", path)}");
    }

    [Fact]
    public void Evaluate_Forward_PresentsConfiguredCli()
    {
        var plan = TestTrees.Compile(TestTrees.Office);
        var route = RouteEvaluation.Start(plan, TestTrees.Call(Monday, "+3292345678", called: "+3222110000"));

        Assert.Equal("+3222345678", route.Current.Number);
        Assert.Equal("+3292345678", route.Current.PresentedCli);
        Assert.Equal(20, route.Current.TimeoutSeconds);
        Assert.Equal("hq", route.Current.Site);
        var mobile = route.Next(StepOutcome.NoAnswer);
        Assert.Equal("+32475123456", mobile.Number);
        Assert.Equal("+3222110000", mobile.PresentedCli);
    }

    [Fact]
    public void Explain_SaturdayCall_SaysWhy()
    {
        var plan = TestTrees.Compile(TestTrees.Office);
        var route = RouteEvaluation.Start(plan, TestTrees.Call("2026-11-28T13:05:00Z", "+3292345678"));

        var text = string.Join("\n", RouteExplainer.Explain(route));

        Assert.Contains("Sat 2026-11-28 14:05", text, StringComparison.Ordinal);
        Assert.Contains("matches no time rule → otherwise 'closed'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Holiday_NamesHoliday()
    {
        var plan = TestTrees.Compile(TestTrees.Office);
        var route = RouteEvaluation.Start(plan, TestTrees.Call("2026-12-25T09:00:00Z", "+3292345678"));

        Assert.Contains(RouteExplainer.Explain(route), l => l.Contains("public holiday", StringComparison.Ordinal));
        Assert.Equal(TraceKind.Holiday, route.Trace[0].Kind);
    }

    [Fact]
    public void Next_AfterDone_StaysDone()
    {
        var plan = TestTrees.Compile(TestTrees.Office);
        var route = RouteEvaluation.Start(plan, TestTrees.Call(Monday, "+3292345678"));
        route.Next(StepOutcome.Answered);

        Assert.Equal(EndReason.Connected, route.Next(StepOutcome.Busy).EndReason);
        Assert.True(route.IsFinished);
    }

    [Fact]
    public void Restart_ReusedEvaluation_AllocatesNothing()
    {
        var plan = TestTrees.Compile(TestTrees.Office);
        var context = TestTrees.Call(Monday, "+3292345678") with { Live = new FakeLiveState() };
        var route = RouteEvaluation.Start(plan, context);
        route.Next(StepOutcome.NoAnswer);
        route.Restart(plan, context);

        var allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                route.Restart(plan, context);
                route.Next(StepOutcome.NoAnswer);
                route.Next(StepOutcome.Answered);
            }
        });

        Assert.Equal(0, allocated);
    }
}
