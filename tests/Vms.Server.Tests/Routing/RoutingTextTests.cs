using System.Globalization;
using Vms.Domain.Routing.Json;
using Vms.Server.Features.Routing;

namespace Vms.Server.Tests.Routing;

public sealed class RoutingTextTests
{
    [Theory]
    [InlineData("en", "Routing trees")]
    [InlineData("fr", "Arbres de routage")]
    [InlineData("nl", "Routeringsbomen")]
    public void Translate_PageTitle_InEachLanguage(string language, string expected) =>
        Assert.Equal(expected, RoutingText.Translate("Routing trees", CultureInfo.GetCultureInfo(language)));

    [Fact]
    public void NodeTemplates_EveryType_AddsAReadableNode()
    {
        var tree = RoutingTreeJson.Read("""{ "root": "a", "nodes": [ { "id": "a", "type": "reject" } ] }""").Tree!;
        foreach (var type in NodeTemplates.Types)
        {
            tree = NodeTemplates.Add(tree, type);
        }

        var again = RoutingTreeJson.Read(RoutingTreeWriter.Write(tree));
        Assert.True(again.Succeeded, string.Join("; ", again.Problems));
        Assert.Equal(NodeTemplates.Types.Count + 1, again.Tree!.Nodes.Select(n => n.Id).Distinct().Count());
    }
}
