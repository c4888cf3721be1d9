using System.Text;
using System.Text.Json;
using Vms.Domain.Routing.Json;

namespace Vms.Domain.Tests.Routing;

public class RoutingTreeJsonTests
{
    [Fact]
    public void Write_ThenRead_RoundTrips()
    {
        var tree = TestTrees.Tree(TestTrees.Office);

        var json = RoutingTreeWriter.WriteString(tree);
        var again = RoutingTreeWriter.WriteString(TestTrees.Tree(json));

        Assert.Equal(json, again);
        Assert.Equal(8, TestTrees.Tree(json).Nodes.Count);
    }

    [Fact]
    public void Write_MenuTree_RoundTrips()
    {
        var json = RoutingTreeWriter.WriteString(TestTrees.Tree(TestTrees.Menu));

        Assert.Equal(json, RoutingTreeWriter.WriteString(TestTrees.Tree(json)));
    }

    public static TheoryData<string, string, string> BadTrees => new()
    {
        // json, expected pointer, expected code
        { "{ \"root\": \"a\", ", "", "json.syntax" },
        { "[]", "", "json.type" },
        { "{ \"nodes\": [] }", "/root", "json.required" },
        { "{ \"root\": \"a\" }", "/nodes", "json.required" },
        { "{ \"root\": \"a\", \"nodes\": [], \"colour\": 1 }", "/colour", "json.unknownProperty" },
        { "{ \"root\": \"a\", \"schemaVersion\": 7, \"nodes\": [] }", "/schemaVersion", "json.version" },
        { "{ \"root\": \"a\", \"timeZone\": \"Mars/Olympus\", \"nodes\": [] }", "/timeZone", "timeZone.unknown" },
        { "{ \"root\": \"a\", \"closingDays\": [\"2026-13-01\"], \"nodes\": [] }", "/closingDays/0", "json.format" },
        { "{ \"root\": \"a\", \"nodes\": [ { \"id\": \"a\", \"type\": \"teleport\" } ] }", "/nodes/0/type", "node.type" },
        { "{ \"root\": \"a\", \"nodes\": [ 5 ] }", "/nodes/0", "json.type" },
        { "{ \"root\": \"a\", \"nodes\": [ { \"type\": \"reject\" } ] }", "/nodes/0/id", "json.required" },
        { "{ \"root\": \"a\", \"nodes\": [ { \"id\": \"a\", \"type\": \"forward\", \"number\": \"022345678\", \"ringTimeoutSeconds\": \"20\" } ] }", "/nodes/0/ringTimeoutSeconds", "json.type" },
        { "{ \"root\": \"a\", \"nodes\": [ { \"id\": \"a\", \"type\": \"forward\", \"number\": \"022345678\", \"ringTimeoutSeconds\": 1 } ] }", "/nodes/0/ringTimeoutSeconds", "json.range" },
        { "{ \"root\": \"a\", \"nodes\": [ { \"id\": \"a\", \"type\": \"forward\", \"number\": \"022345678\", \"presentedCli\": \"boss\" } ] }", "/nodes/0/presentedCli", "json.enum" },
        { "{ \"root\": \"a\", \"nodes\": [ { \"id\": \"a\", \"type\": \"time\", \"otherwise\": \"a\", \"rules\": [ { \"days\": [\"mon\", \"funday\"], \"next\": \"a\" } ] } ] }", "/nodes/0/rules/0/days/1", "json.enum" },
        { "{ \"root\": \"a\", \"nodes\": [ { \"id\": \"a\", \"type\": \"time\", \"otherwise\": \"a\", \"rules\": [ { \"from\": \"8h\", \"to\": \"18:00\", \"next\": \"a\" } ] } ] }", "/nodes/0/rules/0/from", "json.format" },
        { "{ \"root\": \"a\", \"nodes\": [ { \"id\": \"a\", \"type\": \"menu\", \"prompt\": \"p\", \"options\": [ { \"digit\": \"12\", \"next\": \"a\" } ] } ] }", "/nodes/0/options/0/digit", "menu.digit" },
        { "{ \"root\": \"a\", \"nodes\": [ { \"id\": \"a\", \"type\": \"caller\", \"otherwise\": \"a\", \"rules\": [ { \"withheld\": \"yes\", \"next\": \"a\" } ] } ] }", "/nodes/0/rules/0/withheld", "json.type" },
        { "{ \"root\": \"a\", \"nodes\": [ { \"id\": \"a\", \"type\": \"split\", \"branches\": [ { \"weight\": -1, \"next\": \"a\" } ] } ] }", "/nodes/0/branches/0/weight", "json.range" },
        { "{ \"root\": \"a\", \"nodes\": [ { \"id\": \"a~/b\", \"type\": \"reject\", \"x\": 1 } ] }", "/nodes/0/x", "json.unknownProperty" },
    };

    [Theory]
    [MemberData(nameof(BadTrees))]
    public void Read_BadJson_ReportsProblemWithPointer(string json, string path, string code)
    {
        var result = RoutingTreeJson.Read(json);

        Assert.False(result.Succeeded);
        Assert.Null(result.Tree);
        Assert.Contains(result.Problems, p => p.Path == path && p.Code == code);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEach()
    {
        var result = RoutingTreeJson.Read("""
        { "root": "a", "nodes": [
          { "id": "a", "type": "forward", "number": "02", "ringTimeoutSeconds": "x", "colour": "red" },
          { "id": "b", "type": "announcement" } ] }
        """);

        Assert.Equal(
            ["/nodes/0/colour", "/nodes/0/ringTimeoutSeconds", "/nodes/1/prompt"],
            result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_PropertyNameWithSlash_IsEscapedInPointer()
    {
        var result = RoutingTreeJson.Read("""{ "root": "a", "nodes": [], "a/b~c": 1 }""");

        Assert.Equal("/a~1b~0c", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Read_InvalidUtf8InString_ReportsEncodingProblem()
    {
        var bytes = Encoding.UTF8.GetBytes("""{ "root": "a", "nodes": [ { "id": "a", "type": "announcement", "prompt": "Xb" } ] }""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;

        var result = RoutingTreeJson.Read(bytes);

        Assert.Equal("json.encoding", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Read_TooLarge_Refused()
    {
        var result = RoutingTreeJson.Read(new byte[RoutingTreeJson.MaxBytes + 1]);

        Assert.Equal("json.tooLarge", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Schema_IsJsonAndDeclaresEveryNodeType()
    {
        using var schema = JsonDocument.Parse(RoutingTreeSchema.Text);
        var defs = schema.RootElement.GetProperty("$defs");

        foreach (var type in new[] { "time", "caller", "called", "split", "menu", "forward", "announcement", "agentGroup", "voicemail", "reject" })
        {
            Assert.True(defs.TryGetProperty(type + "Node", out _), type);
        }

        Assert.Equal(RoutingTreeSchema.Id, schema.RootElement.GetProperty("$id").GetString());
    }

    [Fact]
    public void Schema_DeclaresEveryPropertyTheWriterProduces()
    {
        using var schema = JsonDocument.Parse(RoutingTreeSchema.Text);
        var defs = schema.RootElement.GetProperty("$defs");
        var rootProps = schema.RootElement.GetProperty("properties");
        foreach (var json in new[] { TestTrees.Office, TestTrees.Menu })
        {
            using var tree = JsonDocument.Parse(RoutingTreeWriter.Write(TestTrees.Tree(json)));
            foreach (var p in tree.RootElement.EnumerateObject())
            {
                Assert.True(rootProps.TryGetProperty(p.Name, out _), p.Name);
            }

            foreach (var node in tree.RootElement.GetProperty("nodes").EnumerateArray())
            {
                var def = defs.GetProperty(node.GetProperty("type").GetString() + "Node").GetProperty("properties");
                foreach (var p in node.EnumerateObject())
                {
                    Assert.True(def.TryGetProperty(p.Name, out _), $"{node.GetProperty("type")}.{p.Name}");
                }
            }
        }
    }
}
