using System.Globalization;
using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Versions;

/// <summary>Differences between two trees: settings, sites and nodes (matched by id), each as compact JSON.</summary>
public static class TreeDiff
{
    public static IReadOnlyList<TreeChange> Compare(RoutingTree before, RoutingTree after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<TreeChange>();
        Setting(changes, "name", before.Name, after.Name);
        Setting(changes, "timeZone", before.TimeZone, after.TimeZone);
        Setting(changes, "holidays", before.Holidays.ToString(), after.Holidays.ToString());
        Setting(changes, "closingDays", Days(before.ClosingDays), Days(after.ClosingDays));
        Setting(changes, "root", before.Root, after.Root);
        Setting(changes, "sites", Sites(before.Sites), Sites(after.Sites));
        var old = before.Nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => RoutingTreeWriter.WriteNode(g.First()), StringComparer.Ordinal);
        var now = after.Nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => RoutingTreeWriter.WriteNode(g.First()), StringComparer.Ordinal);
        foreach (var (id, json) in old)
        {
            if (!now.TryGetValue(id, out var current))
            {
                changes.Add(new TreeChange(TreeChangeKind.Removed, $"node {id}", json, null));
            }
            else if (current != json)
            {
                changes.Add(new TreeChange(TreeChangeKind.Changed, $"node {id}", json, current));
            }
        }

        foreach (var (id, json) in now)
        {
            if (!old.ContainsKey(id))
            {
                changes.Add(new TreeChange(TreeChangeKind.Added, $"node {id}", null, json));
            }
        }

        return changes;
    }

    private static void Setting(List<TreeChange> changes, string what, string? before, string? after)
    {
        if (before != after)
        {
            changes.Add(new TreeChange(TreeChangeKind.Changed, what, before, after));
        }
    }

    private static string Days(IReadOnlyList<DateOnly> days) =>
        string.Join(",", days.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static string Sites(IReadOnlyList<RoutingSite> sites) =>
        string.Join(";", sites.Select(s => $"{s.Id}|{s.Name}|{s.MaxCalls}"));
}
