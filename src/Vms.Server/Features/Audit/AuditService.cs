using Microsoft.EntityFrameworkCore;
using Vms.Domain.Identity;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Audit;

/// <summary>Reading the audit log: a customer's own entries (right ViewAudit), or everything for operator staff.</summary>
public sealed class AuditService(VmsDb db)
{
    public const int MaxTake = 500;

    public async Task<Outcome<IReadOnlyList<AuditEntryDto>>> ListAsync(Caller caller, Guid? customerId, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (take is < 1 or > MaxTake)
        {
            return Outcome<IReadOnlyList<AuditEntryDto>>.Invalid("take", $"Between 1 and {MaxTake}.");
        }

        await using var context = db.For(caller);
        if (customerId is { } id && !await context.Customers.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Outcome<IReadOnlyList<AuditEntryDto>>.NotFound();
        }

        if (!caller.IsOperator && !caller.Has(Rights.ViewAudit))
        {
            return Outcome<IReadOnlyList<AuditEntryDto>>.Forbidden("Reading the audit log needs the right ViewAudit.");
        }

        var query = context.AuditEntries.AsNoTracking();
        if (customerId is { } filter)
        {
            query = query.Where(a => a.CustomerId == filter);
        }

        var entries = await query.OrderByDescending(a => a.Id).Take(take)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.CustomerId, a.Actor, a.Action, a.Target, a.Details, a.RemoteAddress))
            .ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<AuditEntryDto>>.Ok(entries);
    }
}
