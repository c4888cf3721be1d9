namespace Vms.Domain.Identity;

/// <summary>A profile every customer (or the operator) gets at creation.</summary>
public sealed record ProfileDefinition(string Name, Rights Rights, ProfileKind Kind);
