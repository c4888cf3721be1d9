namespace Vms.Domain.Routing.Model;

/// <summary>
/// An outgoing reference of a node: the target id and where it sits (property, optional item index and leaf, e.g.
/// rules/2/next). The JSON path string is only built when asked (validation problems), not while walking.
/// </summary>
public readonly record struct NodeReference(string Target, string Property, int Index = -1, string? Leaf = null)
{
    public string Path => Index < 0 ? Property : $"{Property}/{Index}/{Leaf}";
}
