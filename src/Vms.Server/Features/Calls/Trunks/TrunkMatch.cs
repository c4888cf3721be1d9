namespace Vms.Server.Features.Calls.Trunks;

/// <summary>Which trunk an INVITE came in on (and the customer, for a PBX trunk).</summary>
internal readonly record struct TrunkMatch(TrunkKind Kind, string Name, Guid? CustomerId);
