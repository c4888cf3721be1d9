namespace Vms.Server.Features.Numbers;

public sealed record NumberDto(Guid Id, Guid CustomerId, string E164, string Status, IReadOnlyList<string> Services, DateTimeOffset? CnipConsentAt, Guid? RelatedEntityId, DateTimeOffset AddedAt, DateTimeOffset? EndedAt);

/// <summary>
/// A number to serve. Services lists what is on the line (Cnip, EnterpriseOfficeSwitch, OneCompanyNumber);
/// CNIP is accepted only with <see cref="CnipRemovalConsented"/>.
/// </summary>
public sealed record AddNumberRequest(string? Number, IReadOnlyList<string>? Services, bool CnipRemovalConsented, Guid? RelatedEntityId);
