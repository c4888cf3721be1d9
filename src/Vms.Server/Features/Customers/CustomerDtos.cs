namespace Vms.Server.Features.Customers;

/// <summary>A line of the customer list.</summary>
public sealed record CustomerSummary(Guid Id, string Name, string? CompanyNumber, string? Formula, IReadOnlyList<string> Options, int? ContractVersion, bool IsDemo);

/// <summary>A customer with its contract, history, entitlements, related entities and authorised persons.</summary>
public sealed record CustomerDetail(
    Guid Id,
    string Name,
    string? CompanyNumber,
    ContractVersionDto? Contract,
    IReadOnlyList<ContractVersionDto> History,
    IReadOnlyList<EntitlementDto> Entitlements,
    IReadOnlyList<RelatedEntityDto> RelatedEntities,
    IReadOnlyList<AuthorisedPersonDto> AuthorisedPersons);

public sealed record ContractVersionDto(int Version, string Formula, IReadOnlyList<string> Options, DateTimeOffset ValidFrom, string CreatedBy, string? Reason);

/// <summary>One service element for a customer: what the matrix says, whether it is available now, what to order.</summary>
public sealed record EntitlementDto(string Element, string Name, string Matrix, bool IsAvailable, string? Reason, string? WhatToOrder);

public sealed record RelatedEntityDto(Guid Id, string Name, string? CompanyNumber, string Proof);

public sealed record AuthorisedPersonDto(Guid Id, string Name, string Email, bool IsAdministrator, bool HasAccount);

public sealed record CreateCustomerRequest(string? Name, string? CompanyNumber);

/// <summary>A new contract version: formula (Classic, Drs, VoiceContinuity, Outbound) and options (service elements).</summary>
public sealed record ChangeContractRequest(string? Formula, IReadOnlyList<string>? Options, string? Reason);
