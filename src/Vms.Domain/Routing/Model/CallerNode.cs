namespace Vms.Domain.Routing.Model;

/// <summary>Caller origin condition: first matching rule, otherwise <see cref="Otherwise"/>.</summary>
public sealed record CallerNode : RouteNode
{
    public override string Type => "caller";

    public IReadOnlyList<CallerRule> Rules { get; init; } = [];

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
