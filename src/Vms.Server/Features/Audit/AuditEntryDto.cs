namespace Vms.Server.Features.Audit;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, Guid? CustomerId, string Actor, string Action, string? Target, string? Details, string? RemoteAddress);
