namespace Vms.Domain.Routing.Versions;

/// <summary>One difference between two versions: what (a setting or a node id), and its JSON before and after.</summary>
public sealed record TreeChange(TreeChangeKind Kind, string What, string? Before, string? After);
