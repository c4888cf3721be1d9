using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>
/// A routing tree compiled for evaluation: flat arrays of structs, node references as indexes, numbers in E.164,
/// time zone resolved. Immutable and shared by every call (thread-safe). Build it with
/// <see cref="RoutePlanCompiler"/>.
/// </summary>
public sealed class CompiledPlan
{
    internal CompiledPlan(RoutingTree source, Guid customerId, TimeZoneInfo timeZone, int root,
        CompiledNode[] nodes, CompiledRule[] rules, string[] strings, int[] closingDays)
    {
        Source = source;
        CustomerId = customerId;
        TimeZone = timeZone;
        Root = root;
        Nodes = nodes;
        Rules = rules;
        Strings = strings;
        ClosingDays = closingDays;
        NodeIds = [.. source.Nodes.Select(n => n.Id)];
        SiteIds = [.. source.Sites.Select(s => s.Id)];
        SiteMaxCalls = [.. source.Sites.Select(s => s.MaxCalls ?? 0)];
    }

    /// <summary>The tree this plan was compiled from (for explanations and the editor).</summary>
    public RoutingTree Source { get; }

    public Guid CustomerId { get; }

    public TimeZoneInfo TimeZone { get; }

    public int NodeCount => Nodes.Length;

    internal int Root { get; }

    internal CompiledNode[] Nodes { get; }

    internal CompiledRule[] Rules { get; }

    internal string[] Strings { get; }

    /// <summary>Closing days as sorted DateOnly.DayNumber values.</summary>
    internal int[] ClosingDays { get; }

    internal string[] NodeIds { get; }

    internal string[] SiteIds { get; }

    internal int[] SiteMaxCalls { get; }

    internal bool UsesBelgianHolidays => Source.Holidays == HolidayCalendar.Belgium;
}
