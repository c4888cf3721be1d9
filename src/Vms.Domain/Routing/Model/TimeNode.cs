namespace Vms.Domain.Routing.Model;

/// <summary>
/// Time condition: on a public holiday or closing day the <see cref="Holiday"/> branch wins (when set); otherwise
/// the first matching rule; otherwise <see cref="Otherwise"/>.
/// </summary>
public sealed record TimeNode : RouteNode
{
    public override string Type => "time";

    public IReadOnlyList<TimeRule> Rules { get; init; } = [];

    public string? Holiday { get; init; }

    public required string Otherwise { get; init; }

    public override IEnumerable<NodeReference> References()
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            yield return new NodeReference(Rules[i].Next, "rules", i, "next");
        }

        if (Holiday is not null)
        {
            yield return new NodeReference(Holiday, "holiday");
        }

        yield return new NodeReference(Otherwise, "otherwise");
    }
}
