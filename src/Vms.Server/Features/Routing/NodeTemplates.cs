using Vms.Domain.Routing.Model;

namespace Vms.Server.Features.Routing;

/// <summary>Skeleton nodes the editor adds to a tree (the user then wires and fills them in).</summary>
public static class NodeTemplates
{
    public static readonly IReadOnlyList<string> Types =
        ["time", "caller", "called", "split", "menu", "forward", "announcement", "agentGroup", "voicemail", "reject"];

    /// <summary>The tree with one more node of <paramref name="type"/>; its branches point to an existing leaf.</summary>
    public static RoutingTree Add(RoutingTree tree, string type)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var id = Enumerable.Range(1, 1000).Select(i => $"{type}{i}").First(c => tree.Nodes.All(n => n.Id != c));
        var leaf = tree.Nodes.FirstOrDefault(n => n is AnnouncementNode or RejectNode or VoicemailNode)?.Id ?? tree.Root;
        RouteNode node = type switch
        {
            "time" => new TimeNode
            {
                Id = id, Otherwise = leaf,
                Rules = [new TimeRule { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], From = new TimeOnly(8, 0), To = new TimeOnly(18, 0), Next = leaf }],
            },
            "caller" => new CallerNode { Id = id, Otherwise = leaf, Rules = [new CallerRule { Withheld = true, Next = leaf }] },
            "called" => new CalledNode { Id = id, Otherwise = leaf, Rules = [new CalledRule { Numbers = ["+3222000000"], Next = leaf }] },
            "split" => new SplitNode { Id = id, Branches = [new SplitBranch { Weight = 50, Next = leaf }, new SplitBranch { Weight = 50, Next = leaf }] },
            "menu" => new MenuNode { Id = id, Prompt = "menu", Options = [new MenuOption { Digit = '1', Next = leaf }], OnTimeout = leaf, OnInvalid = leaf },
            "forward" => new ForwardNode { Id = id, Number = "+3222000000", Default = leaf },
            "announcement" => new AnnouncementNode { Id = id, Prompt = "closed" },
            "agentGroup" => new AgentGroupNode { Id = id, Group = "sales" },
            "voicemail" => new VoicemailNode { Id = id, Mailbox = "main" },
            _ => new RejectNode { Id = id },
        };
        return tree with { Nodes = [.. tree.Nodes, node] };
    }
}
