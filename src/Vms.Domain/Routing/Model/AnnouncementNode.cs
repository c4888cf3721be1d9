namespace Vms.Domain.Routing.Model;

/// <summary>Plays a prompt, then continues to <see cref="Next"/> or hangs up when it is not set.</summary>
public sealed record AnnouncementNode : RouteNode
{
    public override string Type => "announcement";

    public required string Prompt { get; init; }

    public string? Next { get; init; }

    public override IEnumerable<NodeReference> References()
    {
        if (Next is not null)
        {
            yield return new NodeReference(Next, "next");
        }
    }
}
