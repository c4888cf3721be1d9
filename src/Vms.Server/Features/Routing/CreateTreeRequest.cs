namespace Vms.Server.Features.Routing;

/// <summary>A new routing tree: its name and, optionally, its first draft as tree JSON (a template otherwise).</summary>
public sealed record CreateTreeRequest(string Name, string? Json);
