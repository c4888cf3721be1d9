namespace Vms.Domain.Routing.Model;

/// <summary>Queues the call to an ACM skill group; <see cref="Next"/> when the queue gives up (optional).</summary>
public sealed record AgentGroupNode : RouteNode
{
    public override string Type => "agentGroup";

    public required string Group { get; init; }

    public string? Next { get; init; }

    public override IEnumerable<NodeReference> References()
    {
        if (Next is not null)
        {
            yield return new NodeReference(Next, "next");
        }
    }
}
