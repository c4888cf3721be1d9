using Vms.Domain.Routing.Evaluation;

namespace Vms.Domain.Tests.Routing;

public class RouteEvaluationMenuTests
{
    private const string Monday = "2026-11-30T09:00:00Z";

    public static TheoryData<string, string, string> MenuCalls => new()
    {
        // case, keys ('t' = timeout), expected path
        { "key 2 → support → otherwise operator", "2", "CollectDigit:menu|Forward:operator|Done:Connected" },
        { "invalid then valid", "9,2", "CollectDigit:menu|CollectDigit:menu|Forward:operator|Done:Connected" },
        { "timeout then valid", "t,2", "CollectDigit:menu|CollectDigit:menu|Forward:operator|Done:Connected" },
        { "three invalid keys → onInvalid", "9,8,7", "CollectDigit:menu|CollectDigit:menu|CollectDigit:menu|Play:goodbye|HangUp:goodbye|Done:HungUp" },
        { "three timeouts → onTimeout", "t,t,t", "CollectDigit:menu|CollectDigit:menu|CollectDigit:menu|Forward:operator|Done:Connected" },
        { "mixed ends on last kind", "t,9,t", "CollectDigit:menu|CollectDigit:menu|CollectDigit:menu|Forward:operator|Done:Connected" },
        { "mixed ends invalid", "t,t,#", "CollectDigit:menu|CollectDigit:menu|CollectDigit:menu|Play:goodbye|HangUp:goodbye|Done:HungUp" },
    };

    [Theory]
    [MemberData(nameof(MenuCalls))]
    public void Evaluate_Menu_FollowsTable(string name, string keys, string expected)
    {
        var plan = TestTrees.Compile(TestTrees.Menu);
        var outcomes = keys.Split(',').Select(k => k == "t" ? StepOutcome.Timeout : StepOutcome.Key(k[0]));

        var path = TestTrees.Run(plan, TestTrees.Call(Monday, "+3222345678"), [.. outcomes]);

        Assert.True(expected == string.Join("|", path), $"{name}: got {string.Join("|", path)}");
    }

    [Fact]
    public void Evaluate_MenuRepeat_ReportsAttemptAndTimeout()
    {
        var plan = TestTrees.Compile(TestTrees.Menu);
        var route = RouteEvaluation.Start(plan, TestTrees.Call(Monday, "+3222345678"));

        Assert.Equal(new RouteStep(StepKind.CollectDigit, "menu") { Prompt = "welcome", TimeoutSeconds = 4, Attempt = 1 }, route.Current);
        Assert.Equal(2, route.Next(StepOutcome.Timeout).Attempt);
    }

    [Fact]
    public void Evaluate_MenuWithoutGiveUpBranch_HangsUp()
    {
        var plan = TestTrees.Compile("""
        { "root": "m", "nodes": [
          { "id": "m", "type": "menu", "prompt": "p", "maxRepeats": 0, "options": [ { "digit": "1", "next": "a" } ] },
          { "id": "a", "type": "reject" } ] }
        """);

        var path = TestTrees.Run(plan, TestTrees.Call(Monday, null), StepOutcome.Timeout);

        Assert.Equal(["CollectDigit:m", "HangUp:m", "Done:HungUp"], path);
    }

    public static TheoryData<string, string, string> Callers => new()
    {
        { "Belgian mobile", "0475 12 34 56", "Play:supportMobile" },
        { "Dutch mobile is mobile first", "+31612345678", "Play:supportMobile" },
        { "Dutch fixed", "+31201234567", "Play:supportNl" },
        { "Ghent zone", "+3292345678", "Forward:ghent" },
        { "Antwerp prefix (national form)", "03 234 56 78", "Play:supportNl" },
        { "Brussels fixed → otherwise", "+3222345678", "Forward:operator" },
        { "withheld → otherwise", "", "Forward:operator" },
        { "international 00 form", "0031201234567", "Play:supportNl" },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public void Evaluate_CallerOrigin_FollowsTable(string name, string caller, string expectedFirstAfterMenu)
    {
        var plan = TestTrees.Compile(TestTrees.Menu);

        var path = TestTrees.Run(plan, TestTrees.Call(Monday, caller), StepOutcome.Key('2'));

        Assert.True(expectedFirstAfterMenu == path[1], $"{name}: got {string.Join("|", path)}");
    }

    [Fact]
    public void Evaluate_Split_DistributionWithinTolerance()
    {
        var plan = TestTrees.Compile(TestTrees.Menu);
        var random = new Random(20261127);
        var route = RouteEvaluation.Start(plan, TestTrees.Call(Monday, null) with { Random = random });
        var brussels = 0;
        const int calls = 10_000;
        for (var i = 0; i < calls; i++)
        {
            route.Restart(plan, TestTrees.Call(Monday, null) with { Random = random });
            if (route.Next(StepOutcome.Key('1')).NodeId == "brussels")
            {
                brussels++;
            }
        }

        // 70 % expected; 3 standard deviations of a binomial(10 000, 0.7) ≈ 1.4 %.
        Assert.InRange(brussels / (double)calls, 0.686, 0.714);
    }

    [Fact]
    public void Evaluate_Split_SameSeedSamePath()
    {
        var plan = TestTrees.Compile(TestTrees.Menu);
        string Draw(int seed) => TestTrees.Run(plan, TestTrees.Call(Monday, null) with { Random = new Random(seed) },
            StepOutcome.Key('1'))[1];

        Assert.Equal(Enumerable.Range(0, 20).Select(Draw), Enumerable.Range(0, 20).Select(Draw));
    }
}
