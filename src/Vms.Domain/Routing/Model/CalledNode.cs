namespace Vms.Domain.Routing.Model;

/// <summary>Called number condition (a tree attached to several numbers).</summary>
public sealed record CalledNode : RouteNode
{
    public override string Type => "called";

    public IReadOnlyList<CalledRule> Rules { get; init; } = [];

    public required string Otherwise { get; init; }

    public override IEnumerable<NodeReference> References()
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            yield return new NodeReference(Rules[i].Next, "rules", i, "next");
        }

        yield return new NodeReference(Otherwise, "otherwise");
    }
}
