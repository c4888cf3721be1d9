namespace Vms.Domain.Routing.Model;

/// <summary>Percentage split (load sharing between sites), drawn from the evaluation's random source.</summary>
public sealed record SplitNode : RouteNode
{
    public override string Type => "split";

    public IReadOnlyList<SplitBranch> Branches { get; init; } = [];

    public override IEnumerable<NodeReference> References()
    {
        for (var i = 0; i < Branches.Count; i++)
        {
            yield return new NodeReference(Branches[i].Next, "branches", i, "next");
        }
    }
}
