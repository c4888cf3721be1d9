using Microsoft.EntityFrameworkCore;
using Vms.Data.Tenancy;
using Vms.Domain.Identity;
using Vms.Domain.Numbers;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Numbers;

/// <summary>The numbers served for customers (IMP4, IMP5).</summary>
public sealed class NumberService(VmsDb db, TimeProvider time, AuditLog audit)
{
    public async Task<Outcome<IReadOnlyList<NumberDto>>> ListAsync(Caller caller, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        if (!await context.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return Outcome<IReadOnlyList<NumberDto>>.NotFound();
        }

        var numbers = await context.Numbers.AsNoTracking().Where(n => n.CustomerId == customerId).OrderBy(n => n.E164).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<NumberDto>>.Ok([.. numbers.Select(ToDto)]);
    }

    public async Task<Outcome<NumberDto>> GetAsync(Caller caller, Guid numberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var number = await context.Numbers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == numberId, cancellationToken);
        return number is null ? Outcome<NumberDto>.NotFound() : Outcome<NumberDto>.Ok(ToDto(number));
    }

    /// <summary>Adds a number to a customer (operator).</summary>
    public async Task<Outcome<NumberDto>> AddAsync(Caller caller, Guid customerId, AddNumberRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await using var context = db.For(caller);
        if (!await context.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return Outcome<NumberDto>.NotFound();
        }

        if (!caller.Can(customerId, Rights.OperatorManage))
        {
            return Outcome<NumberDto>.Forbidden("Numbers are added by the operator: order them.");
        }

        var (e164, services, errors) = NumberRules.Check("number", request.Number, request.Services, request.CnipRemovalConsented);
        errors = [.. errors.Select(e => e.Field == "number.number" ? e with { Field = "number" } : e)];
        if (request.RelatedEntityId is { } related
            && !await context.RelatedEntities.AnyAsync(r => r.Id == related && r.CustomerId == customerId, cancellationToken))
        {
            errors.Add(new("relatedEntityId", "Not a related entity of this customer."));
        }

        if (e164 is not null)
        {
            await using var system = db.ForSystem();
            if (await NumberRules.CheckFreeAsync(system, "number", e164, customerId, cancellationToken) is { } taken)
            {
                errors.Add(taken with { Field = "number" });
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<NumberDto>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var number = NewNumber(customerId, e164!, services, request.CnipRemovalConsented, caller.UserName, request.RelatedEntityId, null, now);
        context.Numbers.Add(number);
        audit.Add(context, caller, "number.added", customerId, e164);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<NumberDto>.Invalid("number", "The number is already used by another customer.");
        }

        return Outcome<NumberDto>.Ok(ToDto(number));
    }

    /// <summary>The number went to another operator: the service on it ends (IMP4), its plans are deactivated.</summary>
    public async Task<Outcome<NumberDto>> PortOutAsync(Caller caller, Guid numberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var number = await context.Numbers.SingleOrDefaultAsync(n => n.Id == numberId, cancellationToken);
        if (number is null)
        {
            return Outcome<NumberDto>.NotFound();
        }

        if (!caller.Can(number.CustomerId, Rights.OperatorManage))
        {
            return Outcome<NumberDto>.Forbidden("Porting is recorded by the operator.");
        }

        if (number.Status != NumberStatus.Active)
        {
            return Outcome<NumberDto>.Invalid("status", "The number is no longer served.");
        }

        number.Status = NumberStatus.PortedOut;
        number.ActiveE164 = null;
        number.EndedAt = time.GetUtcNow();
        var plans = await context.NumberPlanAssignments.Where(a => a.NumberId == numberId && a.IsActive).ToListAsync(cancellationToken);
        plans.ForEach(p => p.IsActive = false);
        audit.Add(context, caller, "number.ported-out", number.CustomerId, number.E164);
        await context.SaveChangesAsync(cancellationToken);
        return Outcome<NumberDto>.Ok(ToDto(number));
    }

    internal static ServiceNumber NewNumber(Guid customerId, string e164, NumberServices services, bool cnipConsent, string by, Guid? relatedEntityId, Guid? orderId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), CustomerId = customerId, E164 = e164, ActiveE164 = e164, Services = services & ~NumberServices.Cnip,
        CnipConsentAt = services.HasFlag(NumberServices.Cnip) && cnipConsent ? now : null,
        CnipConsentBy = services.HasFlag(NumberServices.Cnip) && cnipConsent ? by : null,
        Status = NumberStatus.Active, AddedAt = now, RelatedEntityId = relatedEntityId, OrderId = orderId,
    };

    private static NumberDto ToDto(ServiceNumber n) => new(
        n.Id, n.CustomerId, n.E164, n.Status.ToString(),
        [.. Enum.GetValues<NumberServices>().Where(f => f != NumberServices.None && n.Services.HasFlag(f)).Select(f => f.ToString())],
        n.CnipConsentAt, n.RelatedEntityId, n.AddedAt, n.EndedAt);
}
