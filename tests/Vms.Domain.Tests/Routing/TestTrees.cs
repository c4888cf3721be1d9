using Vms.Domain.Routing.Evaluation;
using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Model;
using Vms.Domain.Routing.Numbers;

namespace Vms.Domain.Tests.Routing;

/// <summary>Trees used by the routing tests, and helpers to run a call through them.</summary>
internal static class TestTrees
{
    public static readonly Guid Customer = Guid.Parse("11111111-1111-1111-1111-111111111111");

    /// <summary>Weekdays 8–18 → office (no answer → mobile, busy → announcement); otherwise announcement.</summary>
    public const string Office = """
    {
      "schemaVersion": 1, "name": "Office", "root": "hours", "closingDays": ["2026-08-14"],
      "sites": [{ "id": "hq", "name": "Brussels HQ", "maxCalls": 3 }],
      "nodes": [
        { "id": "hours", "type": "time", "rules": [ { "label": "Office hours", "days": ["mon","tue","wed","thu","fri"], "from": "08:00", "to": "18:00", "next": "origin" } ], "holiday": "closed", "otherwise": "closed" },
        { "id": "origin", "type": "caller", "rules": [ { "label": "Withheld", "withheld": true, "next": "reject" }, { "label": "VIP", "list": "vip", "next": "mobile" } ], "otherwise": "office" },
        { "id": "office", "type": "forward", "number": "02 234 56 78", "ringTimeoutSeconds": 20, "site": "hq", "maxCalls": 2, "onBusy": "busyMsg", "onNoAnswer": "mobile", "onFailed": "mobile", "onCapacity": "busyMsg", "onSiteDown": "mobile" },
        { "id": "mobile", "type": "forward", "number": "+32475123456", "lineType": "mobile", "presentedCli": "called", "default": "voicemail" },
        { "id": "busyMsg", "type": "announcement", "prompt": "busy" },
        { "id": "closed", "type": "announcement", "prompt": "closed" },
        { "id": "reject", "type": "reject", "reason": "rejected" },
        { "id": "voicemail", "type": "voicemail", "mailbox": "main" }
      ]
    }
    """;

    /// <summary>Menu: 1 → sales, 2 → support; timeout → operator; invalid → goodbye; split 70/30 for sales.</summary>
    public const string Menu = """
    {
      "root": "menu",
      "nodes": [
        { "id": "menu", "type": "menu", "prompt": "welcome", "timeoutSeconds": 4, "maxRepeats": 2, "onTimeout": "operator", "onInvalid": "goodbye",
          "options": [ { "digit": "1", "next": "sales" }, { "digit": "2", "next": "support" } ] },
        { "id": "sales", "type": "split", "branches": [ { "label": "Brussels", "weight": 70, "next": "brussels" }, { "label": "Ghent", "weight": 30, "next": "ghent" } ] },
        { "id": "brussels", "type": "forward", "number": "+3222345678", "default": "goodbye" },
        { "id": "ghent", "type": "forward", "number": "+3292345678", "default": "goodbye" },
        { "id": "support", "type": "caller", "rules": [
            { "label": "Mobiles", "lineType": "mobile", "next": "supportMobile" },
            { "label": "Dutch", "countries": ["NL"], "next": "supportNl" },
            { "label": "Ghent zone", "zones": ["09"], "next": "ghent" },
            { "label": "Antwerp prefix", "prefixes": ["03"], "next": "supportNl" } ], "otherwise": "operator" },
        { "id": "supportMobile", "type": "announcement", "prompt": "mobile", "next": "operator" },
        { "id": "supportNl", "type": "announcement", "prompt": "nl" },
        { "id": "operator", "type": "forward", "number": "+3222345679", "default": "goodbye" },
        { "id": "goodbye", "type": "announcement", "prompt": "goodbye" }
      ]
    }
    """;

    public static RoutingTree Tree(string json)
    {
        var read = RoutingTreeJson.Read(json);
        Assert.True(read.Succeeded, string.Join("\n", read.Problems));
        return read.Tree!;
    }

    public static CompiledPlan Compile(string json)
    {
        var result = RoutePlanCompiler.Compile(Tree(json), Customer);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Plan!;
    }

    /// <summary>Runs a call, feeding the outcomes in order (Completed for plays when the list runs out), and
    /// returns the steps as "Kind:node" strings.</summary>
    public static List<string> Run(CompiledPlan plan, CallContext context, params StepOutcome[] outcomes)
    {
        var route = RouteEvaluation.Start(plan, context);
        var path = new List<string>();
        var next = 0;
        while (!route.IsFinished && path.Count < 50)
        {
            var step = route.Current;
            path.Add($"{step.Kind}:{step.NodeId}");
            var outcome = step.Kind is StepKind.Forward or StepKind.CollectDigit or StepKind.Queue && next < outcomes.Length
                ? outcomes[next++]
                : step.Kind is StepKind.Forward or StepKind.Queue ? StepOutcome.Answered : StepOutcome.Completed;
            route.Next(outcome);
        }

        path.Add($"Done:{route.Current.EndReason}");
        return path;
    }

    public static CallContext Call(string utc, string? caller, string called = "+3222110000") =>
        new(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture),
            NumberAnalysis.AnalyseCaller(caller), called);
}
