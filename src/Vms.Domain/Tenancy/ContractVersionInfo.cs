namespace Vms.Domain.Tenancy;

/// <summary>One version of a customer's contract as the entitlement rules see it.</summary>
public sealed record ContractVersionInfo(int Version, ContractTerms Terms, DateTimeOffset ValidFrom, DateTimeOffset? EndsAt = null);
