namespace Vms.Server.Features.Routing;

/// <summary>A caller list ("customer type") with its entries (E.164 numbers or "prefix*").</summary>
public sealed record CallerListDto(Guid Id, string Name, IReadOnlyList<string> Entries);
