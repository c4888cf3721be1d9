namespace Vms.Domain.Routing.Model;

/// <summary>Refuses the call (busy tone or decline).</summary>
public sealed record RejectNode : RouteNode
{
    public override string Type => "reject";

    public RejectReason Reason { get; init; } = RejectReason.Busy;

    public override IEnumerable<NodeReference> References() => [];
}
