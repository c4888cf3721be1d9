namespace Vms.Domain.Routing.Model;

/// <summary>A node of a routing tree. Nodes refer to each other by <see cref="Id"/>.</summary>
public abstract record RouteNode
{
    /// <summary>Unique id inside the tree (letters, digits, '-', '_').</summary>
    public required string Id { get; init; }

    /// <summary>Optional human label shown in the editor and in explanations.</summary>
    public string? Label { get; init; }

    /// <summary>The JSON discriminator of the node ("time", "forward", ...).</summary>
    public abstract string Type { get; }

    /// <summary>Every outgoing reference (target id and its place in the node).</summary>
    public abstract IEnumerable<NodeReference> References();

    /// <summary>The label if set, otherwise the id.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Label) ? Id : Label;
}
