namespace Vms.Data.Routing;

/// <summary>One version of a routing tree; its content is the tree's JSON text.</summary>
public sealed class RoutingTreeVersion
{
    public Guid Id { get; set; }
    public Guid TreeId { get; set; }
    public int VersionNumber { get; set; }
    public RoutingTreeVersionState State { get; set; }
    public string Json { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public RoutingTree? Tree { get; set; }
}
