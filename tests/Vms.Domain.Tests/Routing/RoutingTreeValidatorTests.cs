using Vms.Domain.Routing.Validation;
using Vms.Domain.Tenancy;

namespace Vms.Domain.Tests.Routing;

public class RoutingTreeValidatorTests
{
    private static readonly ValidationOptions WithAcm = new()
    {
        Entitlements = new HashSet<ServiceElement> { ServiceElement.TrafficRoutingManagement, ServiceElement.AgentContactManagement },
        KnownPrompts = new HashSet<string> { "busy", "closed", "welcome", "mobile", "nl", "goodbye", "p" },
        KnownCallerLists = new HashSet<string> { "vip" },
    };

    [Fact]
    public void Validate_SampleTrees_AreValid()
    {
        Assert.Empty(RoutingTreeValidator.Validate(TestTrees.Tree(TestTrees.Office), WithAcm).Problems);
        Assert.Empty(RoutingTreeValidator.Validate(TestTrees.Tree(TestTrees.Menu), WithAcm).Problems);
    }

    public static TheoryData<string, string, string> Invalid => new()
    {
        // nodes JSON (root "a"), expected pointer, expected code
        { """[ { "id": "a", "type": "announcement", "prompt": "p", "next": "b" }, { "id": "b", "type": "announcement", "prompt": "p", "next": "a" } ]""", "/nodes/1/next", "graph.cycle" },
        { """[ { "id": "a", "type": "announcement", "prompt": "p", "next": "a" } ]""", "/nodes/0/next", "graph.cycle" },
        { """[ { "id": "a", "type": "reject" }, { "id": "b", "type": "reject" } ]""", "/nodes/1", "graph.unreachable" },
        { """[ { "id": "a", "type": "announcement", "prompt": "p", "next": "nowhere" } ]""", "/nodes/0/next", "reference.missing" },
        { """[ { "id": "a", "type": "reject" }, { "id": "a", "type": "reject" } ]""", "/nodes/1/id", "node.duplicateId" },
        { """[ { "id": "a b", "type": "reject" } ]""", "/nodes/0/id", "node.id" },
        { """[ { "id": "a", "type": "forward", "number": "02 123", "default": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/number", "number.invalid" },
        { """[ { "id": "a", "type": "forward", "number": "+33123456789", "default": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/number", "number.invalid" },
        { """[ { "id": "a", "type": "forward", "number": "02 234 56 78", "lineType": "mobile", "default": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/number", "number.lineType" },
        { """[ { "id": "a", "type": "forward", "number": "02 234 56 78", "onBusy": "z", "onNoAnswer": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/onFailed", "forward.branchMissing" },
        { """[ { "id": "a", "type": "forward", "number": "02 234 56 78", "maxCalls": 2, "onBusy": "z", "onNoAnswer": "z", "onFailed": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/onCapacity", "forward.branchMissing" },
        { """[ { "id": "a", "type": "forward", "number": "02 234 56 78", "site": "mars", "default": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/site", "reference.missing" },
        { """[ { "id": "a", "type": "forward", "number": "02 234 56 78", "presentedCli": "number", "default": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/presentedNumber", "number.invalid" },
        { """[ { "id": "a", "type": "announcement", "prompt": "never-uploaded" } ]""", "/nodes/0/prompt", "prompt.missing" },
        { """[ { "id": "a", "type": "voicemail", "mailbox": "m", "greeting": "never-uploaded" } ]""", "/nodes/0/greeting", "prompt.missing" },
        { """[ { "id": "a", "type": "menu", "prompt": "p", "options": [] } ]""", "/nodes/0/options", "menu.options" },
        { """[ { "id": "a", "type": "menu", "prompt": "p", "options": [ { "digit": "1", "next": "z" }, { "digit": "1", "next": "z" } ] }, { "id": "z", "type": "reject" } ]""", "/nodes/0/options/1/digit", "menu.duplicateDigit" },
        { """[ { "id": "a", "type": "split", "branches": [ { "weight": 1, "next": "z" } ] }, { "id": "z", "type": "reject" } ]""", "/nodes/0/branches", "split.branches" },
        { """[ { "id": "a", "type": "split", "branches": [ { "weight": 0, "next": "z" }, { "weight": 0, "next": "z" } ] }, { "id": "z", "type": "reject" } ]""", "/nodes/0/branches", "split.branches" },
        { """[ { "id": "a", "type": "caller", "rules": [ { "prefixes": ["+32a"], "next": "z" } ], "otherwise": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/rules/0/prefixes/0", "prefix.invalid" },
        { """[ { "id": "a", "type": "caller", "rules": [ { "countries": ["XX"], "next": "z" } ], "otherwise": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/rules/0/countries/0", "country.unknown" },
        { """[ { "id": "a", "type": "caller", "rules": [ { "zones": ["0abc"], "next": "z" } ], "otherwise": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/rules/0/zones/0", "zone.invalid" },
        { """[ { "id": "a", "type": "caller", "rules": [ { "list": "unknown", "next": "z" } ], "otherwise": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/rules/0/list", "list.missing" },
        { """[ { "id": "a", "type": "called", "rules": [ { "numbers": ["12"], "next": "z" } ], "otherwise": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/rules/0/numbers/0", "number.invalid" },
        { """[ { "id": "a", "type": "time", "rules": [ { "from": "08:00", "next": "z" } ], "otherwise": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/rules/0", "time.range" },
        { """[ { "id": "a", "type": "time", "rules": [ { "dateFrom": "2026-02-01", "dateTo": "2026-01-01", "next": "z" } ], "otherwise": "z" }, { "id": "z", "type": "reject" } ]""", "/nodes/0/rules/0/dateTo", "time.dates" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_BadTree_ReportsProblemAtPointer(string nodes, string path, string code)
    {
        var tree = TestTrees.Tree($$"""{ "root": "a", "nodes": {{nodes}} }""");

        var report = RoutingTreeValidator.Validate(tree, WithAcm);

        Assert.False(report.IsValid);
        Assert.True(report.Problems.Any(p => p.Path == path && p.Code == code), string.Join("\n", report.Problems));
    }

    [Fact]
    public void Validate_MissingRoot_ReportsRootPointer()
    {
        var report = RoutingTreeValidator.Validate(TestTrees.Tree("""{ "root": "x", "nodes": [ { "id": "a", "type": "reject" } ] }"""), WithAcm);

        Assert.Contains(report.Problems, p => p.Path == "/root" && p.Code == "reference.missing");
    }

    [Fact]
    public void Validate_AgentGroupWithoutAcm_RefusedNamingTheOption()
    {
        var tree = TestTrees.Tree("""{ "root": "a", "nodes": [ { "id": "a", "type": "agentGroup", "group": "sales" } ] }""");

        var withoutAcm = RoutingTreeValidator.Validate(tree, WithAcm with
        {
            Entitlements = new HashSet<ServiceElement> { ServiceElement.TrafficRoutingManagement },
        });

        var problem = Assert.Single(withoutAcm.Problems);
        Assert.Equal(("/nodes/0", "entitlement.acm"), (problem.Path, problem.Code));
        Assert.Contains("ACM", problem.Message, StringComparison.Ordinal);
        Assert.True(RoutingTreeValidator.Validate(tree, WithAcm).IsValid);
    }

    [Fact]
    public void Validate_ForwardWithDefaultOnly_IsValid()
    {
        var tree = TestTrees.Tree("""
        { "root": "a", "sites": [ { "id": "s", "maxCalls": 4 } ], "nodes": [
          { "id": "a", "type": "forward", "number": "0475 12 34 56", "site": "s", "maxCalls": 1, "default": "z" },
          { "id": "z", "type": "reject" } ] }
        """);

        Assert.Empty(RoutingTreeValidator.Validate(tree, WithAcm).Problems);
    }

    [Fact]
    public void Validate_WithoutPromptList_DoesNotCheckPrompts()
    {
        var tree = TestTrees.Tree("""{ "root": "a", "nodes": [ { "id": "a", "type": "announcement", "prompt": "x" } ] }""");

        Assert.True(RoutingTreeValidator.Validate(tree, ValidationOptions.StructureOnly).IsValid);
    }
}
