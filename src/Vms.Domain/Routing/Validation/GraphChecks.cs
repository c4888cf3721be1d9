using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Validation;

/// <summary>Ids, references, cycles and reachability of the node graph.</summary>
internal static class GraphChecks
{
    public static Dictionary<string, int> Check(RoutingTree tree, List<RoutingProblem> problems)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tree.Nodes.Count; i++)
        {
            var id = tree.Nodes[i].Id;
            if (!IsValidId(id))
            {
                problems.Add(new RoutingProblem($"/nodes/{i}/id", "node.id",
                    "A node id is 1 to 64 letters, digits, '-' or '_'."));
            }

            if (!index.TryAdd(id, i))
            {
                problems.Add(new RoutingProblem($"/nodes/{i}/id", "node.duplicateId",
                    $"Node id '{id}' is already used by /nodes/{index[id]}."));
            }
        }

        if (!index.ContainsKey(tree.Root))
        {
            problems.Add(new RoutingProblem("/root", "reference.missing", $"Root node '{tree.Root}' does not exist."));
        }

        for (var i = 0; i < tree.Nodes.Count; i++)
        {
            foreach (var reference in tree.Nodes[i].References())
            {
                if (!index.ContainsKey(reference.Target))
                {
                    problems.Add(new RoutingProblem($"/nodes/{i}/{reference.Path}", "reference.missing",
                        $"Node '{reference.Target}' does not exist."));
                }
            }
        }

        CheckCycles(tree, index, problems);
        CheckReachable(tree, index, problems);
        return index;
    }

    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static void CheckCycles(RoutingTree tree, Dictionary<string, int> index, List<RoutingProblem> problems)
    {
        // Iterative DFS with colours; a reference to a node on the current path closes a cycle.
        var colour = new byte[tree.Nodes.Count];
        var stack = new Stack<(int Node, IEnumerator<NodeReference> Edges)>();
        var path = new List<int>();
        for (var start = 0; start < tree.Nodes.Count; start++)
        {
            if (colour[start] != 0)
            {
                continue;
            }

            colour[start] = 1;
            path.Add(start);
            stack.Push((start, tree.Nodes[start].References().GetEnumerator()));
            while (stack.Count > 0)
            {
                var (node, edges) = stack.Peek();
                if (!edges.MoveNext())
                {
                    edges.Dispose();
                    stack.Pop();
                    colour[node] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                if (!index.TryGetValue(edges.Current.Target, out var next))
                {
                    continue;
                }

                if (colour[next] == 1)
                {
                    var from = path.IndexOf(next);
                    var cycle = string.Join(" → ", path.Skip(from).Append(next).Select(n => tree.Nodes[n].Id));
                    problems.Add(new RoutingProblem($"/nodes/{node}/{edges.Current.Path}", "graph.cycle",
                        $"This reference makes a cycle: {cycle}. Use a menu's maxRepeats to replay a menu."));
                }
                else if (colour[next] == 0)
                {
                    colour[next] = 1;
                    path.Add(next);
                    stack.Push((next, tree.Nodes[next].References().GetEnumerator()));
                }
            }
        }
    }

    private static void CheckReachable(RoutingTree tree, Dictionary<string, int> index, List<RoutingProblem> problems)
    {
        if (!index.TryGetValue(tree.Root, out var root))
        {
            return;
        }

        var seen = new bool[tree.Nodes.Count];
        var queue = new Queue<int>();
        seen[root] = true;
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            foreach (var reference in tree.Nodes[queue.Dequeue()].References())
            {
                if (index.TryGetValue(reference.Target, out var next) && !seen[next])
                {
                    seen[next] = true;
                    queue.Enqueue(next);
                }
            }
        }

        for (var i = 0; i < seen.Length; i++)
        {
            if (!seen[i])
            {
                problems.Add(new RoutingProblem($"/nodes/{i}", "graph.unreachable",
                    $"Node '{tree.Nodes[i].Id}' cannot be reached from the root '{tree.Root}'."));
            }
        }
    }
}
