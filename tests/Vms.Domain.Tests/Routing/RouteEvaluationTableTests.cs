using Vms.Domain.Routing.CallerLists;
using Vms.Domain.Routing.Evaluation;

namespace Vms.Domain.Tests.Routing;

/// <summary>The "office" tree: calls at given instants, from given callers, with given outcomes, go where the table says.</summary>
public class RouteEvaluationTableTests
{
    private const string Fixed = "+3292345678";
    private const string Closed = "Play:closed|HangUp:closed|Done:HungUp";

    public static TheoryData<string, string, string?, string, string> Calls => new()
    {
        // case, instant (UTC), caller, outcomes (A answered, B busy, N no answer, F failed), expected path
        { "Monday 10:00, answered", "2026-11-30T09:00:00Z", Fixed, "A", "Forward:office|Done:Connected" },
        { "Monday no answer → mobile", "2026-11-30T09:00:00Z", Fixed, "N,A", "Forward:office|Forward:mobile|Done:Connected" },
        { "Monday busy → announcement", "2026-11-30T09:00:00Z", Fixed, "B", "Forward:office|Play:busyMsg|HangUp:busyMsg|Done:HungUp" },
        { "Monday failed → mobile", "2026-11-30T09:00:00Z", Fixed, "F,A", "Forward:office|Forward:mobile|Done:Connected" },
        { "mobile no answer → default voicemail", "2026-11-30T09:00:00Z", Fixed, "N,N", "Forward:office|Forward:mobile|Voicemail:voicemail|Done:Voicemail" },
        { "mobile busy → default voicemail", "2026-11-30T09:00:00Z", Fixed, "N,B", "Forward:office|Forward:mobile|Voicemail:voicemail|Done:Voicemail" },
        { "Monday 07:59 closed", "2026-11-30T06:59:00Z", Fixed, "", Closed },
        { "Monday 08:00 open", "2026-11-30T07:00:00Z", Fixed, "A", "Forward:office|Done:Connected" },
        { "Monday 17:59 open", "2026-11-30T16:59:00Z", Fixed, "A", "Forward:office|Done:Connected" },
        { "Monday 18:00 closed", "2026-11-30T17:00:00Z", Fixed, "", Closed },
        { "Saturday 14:05 closed", "2026-11-28T13:05:00Z", Fixed, "", Closed },
        { "Sunday closed", "2026-11-29T10:00:00Z", Fixed, "", Closed },
        { "Christmas (Friday) closed", "2026-12-25T09:00:00Z", Fixed, "", Closed },
        { "Easter Monday closed", "2026-04-06T08:00:00Z", Fixed, "", Closed },
        { "National day (Tuesday) closed", "2026-07-21T08:00:00Z", Fixed, "", Closed },
        { "Customer closing day closed", "2026-08-14T08:00:00Z", Fixed, "", Closed },
        { "Day after closing day open", "2026-08-17T08:00:00Z", Fixed, "A", "Forward:office|Done:Connected" },
        { "Summer time: 08:00 CEST open", "2026-06-01T06:00:00Z", Fixed, "A", "Forward:office|Done:Connected" },
        { "Summer time: 07:59 CEST closed", "2026-06-01T05:59:00Z", Fixed, "", Closed },
        { "Withheld CLI rejected", "2026-11-30T09:00:00Z", null, "", "Reject:reject|Done:Rejected" },
        { "Anonymous CLI rejected", "2026-11-30T09:00:00Z", "anonymous", "", "Reject:reject|Done:Rejected" },
        { "Withheld at night still closed", "2026-11-30T20:00:00Z", null, "", Closed },
        { "VIP list → mobile", "2026-11-30T09:00:00Z", "+32475999999", "A", "Forward:mobile|Done:Connected" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Evaluate_OfficeTree_FollowsTable(string name, string utc, string? caller, string outcomes, string expected)
    {
        var plan = TestTrees.Compile(TestTrees.Office);
        var lists = CallerListIndex.Build([(TestTrees.Customer, "vip", ["+32475999999"])]);
        var context = TestTrees.Call(utc, caller) with { Lists = lists };

        var path = TestTrees.Run(plan, context, [.. Parse(outcomes)]);

        Assert.True(expected == string.Join("|", path), $"{name}: got {string.Join("|", path)}");
    }

    public static TheoryData<string, string, string> DstCalls => new()
    {
        // Spring forward 2026-03-29: 02:00 CET → 03:00 CEST. 06:00Z is 08:00 local (it would be 07:00 without DST).
        { "spring day 07:59 local", "2026-03-29T05:59:00Z", "closed" },
        { "spring day 08:00 local", "2026-03-29T06:00:00Z", "open" },
        { "spring day 01:59 CET", "2026-03-29T00:59:00Z", "closed" },
        { "spring day 03:00 CEST (night rule)", "2026-03-29T01:00:00Z", "night" },
        { "spring day 17:59 local", "2026-03-29T15:59:00Z", "open" },
        { "spring day 18:00 local", "2026-03-29T16:00:00Z", "closed" },
        // Fall back 2026-10-25: 03:00 CEST → 02:00 CET. 07:00Z is 08:00 local (it would be 09:00 in summer time).
        { "autumn day 07:59 local", "2026-10-25T06:59:00Z", "closed" },
        { "autumn day 08:00 local", "2026-10-25T07:00:00Z", "open" },
        { "autumn day 02:30 CEST (first pass)", "2026-10-25T00:30:00Z", "night" },
        { "autumn day 02:30 CET (second pass)", "2026-10-25T01:30:00Z", "night" },
        { "autumn day 17:59 local", "2026-10-25T16:59:00Z", "open" },
        { "autumn day 18:00 local", "2026-10-25T17:00:00Z", "closed" },
    };

    [Theory]
    [MemberData(nameof(DstCalls))]
    public void Evaluate_DstChangeDays_UsesLocalWallTime(string name, string utc, string expected)
    {
        var plan = TestTrees.Compile("""
        { "root": "t", "holidays": "none", "nodes": [
          { "id": "t", "type": "time", "rules": [
              { "from": "08:00", "to": "18:00", "next": "open" },
              { "from": "02:00", "to": "04:00", "next": "night" } ], "otherwise": "closed" },
          { "id": "open", "type": "announcement", "prompt": "open" },
          { "id": "night", "type": "announcement", "prompt": "night" },
          { "id": "closed", "type": "announcement", "prompt": "closed" } ] }
        """);

        var route = RouteEvaluation.Start(plan, TestTrees.Call(utc, "+3222345678"));

        Assert.True(expected == route.Current.NodeId, $"{name}: got {route.Current.NodeId}");
    }

    [Fact]
    public void Evaluate_OvernightRule_MatchesEveningAndNextMorning()
    {
        var plan = TestTrees.Compile("""
        { "root": "t", "holidays": "none", "nodes": [
          { "id": "t", "type": "time", "rules": [ { "days": ["fri"], "from": "22:00", "to": "06:00", "next": "night" } ], "otherwise": "day" },
          { "id": "night", "type": "announcement", "prompt": "night" },
          { "id": "day", "type": "announcement", "prompt": "day" } ] }
        """);

        Assert.Equal("night", RouteEvaluation.Start(plan, TestTrees.Call("2026-11-27T22:30:00Z", null)).Current.NodeId);
        Assert.Equal("night", RouteEvaluation.Start(plan, TestTrees.Call("2026-11-28T04:00:00Z", null)).Current.NodeId);
        Assert.Equal("day", RouteEvaluation.Start(plan, TestTrees.Call("2026-11-28T22:30:00Z", null)).Current.NodeId);
    }

    [Fact]
    public void Evaluate_PerCustomerTimeZone_UsesThatZone()
    {
        var plan = TestTrees.Compile("""
        { "root": "t", "timeZone": "America/New_York", "holidays": "none", "nodes": [
          { "id": "t", "type": "time", "rules": [ { "from": "08:00", "to": "18:00", "next": "open" } ], "otherwise": "closed" },
          { "id": "open", "type": "announcement", "prompt": "open" },
          { "id": "closed", "type": "announcement", "prompt": "closed" } ] }
        """);

        // 09:00 Brussels = 03:00 New York.
        Assert.Equal("closed", RouteEvaluation.Start(plan, TestTrees.Call("2026-11-30T08:00:00Z", null)).Current.NodeId);
        Assert.Equal("open", RouteEvaluation.Start(plan, TestTrees.Call("2026-11-30T14:00:00Z", null)).Current.NodeId);
    }

    private static IEnumerable<StepOutcome> Parse(string outcomes) =>
        outcomes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(o => o switch
        {
            "A" => StepOutcome.Answered,
            "B" => StepOutcome.Busy,
            "N" => StepOutcome.NoAnswer,
            _ => StepOutcome.Failed,
        });
}
