namespace Vms.Domain.Routing.Json;

/// <summary>One problem of a routing tree, located by <see cref="Path"/>, a JSON pointer (RFC 6901), into the tree's JSON.</summary>
public sealed record RoutingProblem(string Path, string Code, string Message)
{
    public override string ToString() => $"{Path} [{Code}] {Message}";
}
