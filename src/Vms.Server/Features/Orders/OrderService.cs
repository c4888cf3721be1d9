using Microsoft.EntityFrameworkCore;
using Vms.Data;
using Vms.Data.Orders;
using Vms.Data.Tenancy;
using Vms.Domain.Common;
using Vms.Domain.Identity;
using Vms.Domain.Orders;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Features.Customers;
using Vms.Server.Features.Numbers;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Orders;

/// <summary>
/// Orders (IMP1) and their delay (IMP2), which e-mails the order's contact. Activation is in <see cref="OrderActivation"/>.
/// </summary>
public sealed class OrderService(VmsDb db, TimeProvider time, AuditLog audit, PortalMailer mailer)
{
    public const int MaxPersons = 50;
    public const int MaxNumbers = 500;
    public const int MaxEntities = 50;
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public async Task<Outcome<IReadOnlyList<OrderDto>>> ListAsync(Caller caller, Guid? customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        if (customerId is { } id && !await context.Customers.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Outcome<IReadOnlyList<OrderDto>>.NotFound();
        }

        var query = context.Orders.AsNoTracking();
        if (customerId is { } filter)
        {
            query = query.Where(o => o.CustomerId == filter);
        }

        var orders = await query.ToListAsync(cancellationToken);
        var result = new List<OrderDto>();
        foreach (var order in orders.OrderByDescending(o => o.CreatedAt))
        {
            result.Add(await LoadDtoAsync(context, order, cancellationToken));
        }

        return Outcome<IReadOnlyList<OrderDto>>.Ok(result);
    }

    public async Task<Outcome<OrderDto>> GetAsync(Caller caller, Guid orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var order = await context.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        return order is null ? Outcome<OrderDto>.NotFound() : Outcome<OrderDto>.Ok(await LoadDtoAsync(context, order, cancellationToken));
    }

    /// <summary>Records an order (operator). Every offending field is reported; nothing is saved unless all is valid.</summary>
    public async Task<Outcome<OrderDto>> CreateAsync(Caller caller, CreateOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (caller.CustomerId is not null || !caller.Has(Rights.OperatorManage))
        {
            return Outcome<OrderDto>.Forbidden("Orders are recorded by the operator.");
        }

        await using var context = db.For(caller);
        var v = new Validator();
        if (request.CustomerId is not { } customerId || !await context.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            v.Add("customerId", "Not a known customer.");
            customerId = Guid.Empty;
        }

        var (terms, contractErrors) = ContractInput.Parse(request.Formula, request.Options);
        v.AddRange(contractErrors);
        v.Text("contact.name", request.Contact?.Name, 200);
        v.Email("contact.email", request.Contact?.Email);
        v.Text("contact.phone", request.Contact?.Phone, 32, required: false);
        ValidatePersons(v, request.AuthorisedPersons);
        ValidateEntities(v, request.RelatedEntities);
        var numbers = await ValidateNumbersAsync(v, request, customerId, cancellationToken);
        if (!v.IsValid)
        {
            return Outcome<OrderDto>.Invalid(v.Errors);
        }

        var now = time.GetUtcNow();
        var order = new Order
        {
            Id = Guid.CreateVersion7(now), CustomerId = customerId, Formula = terms!.Formula, OptionBits = terms.OptionBits,
            ContactName = request.Contact!.Name!.Trim(), ContactEmail = request.Contact.Email!.Trim(), ContactPhone = request.Contact.Phone?.Trim(),
            Status = OrderStatus.Submitted, CreatedAt = now, CreatedBy = caller.UserName,
            TargetDate = BelgianCalendar.ActivationTarget(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Brussels).DateTime)),
        };
        context.Orders.Add(order);
        var entities = (request.RelatedEntities ?? []).Select(e => new RelatedEntity
        {
            Id = Guid.CreateVersion7(now), CustomerId = customerId, OrderId = order.Id, Name = e.Name!.Trim(), CompanyNumber = e.CompanyNumber?.Trim(), Proof = e.Proof!.Trim(),
        }).ToList();
        context.RelatedEntities.AddRange(entities);
        context.AuthorisedPersons.AddRange((request.AuthorisedPersons ?? []).Select(p => new AuthorisedPerson
        {
            Id = Guid.CreateVersion7(now), CustomerId = customerId, OrderId = order.Id, Name = p.Name!.Trim(), Email = p.Email!.Trim(), IsAdministrator = p.IsAdministrator,
        }));
        context.OrderNumbers.AddRange(numbers.Select(n => new OrderNumber
        {
            Id = Guid.CreateVersion7(now), OrderId = order.Id, CustomerId = customerId, E164 = n.E164, Services = n.Services, CnipRemovalConsented = n.Input.CnipRemovalConsented,
            RelatedEntityId = n.Input.RelatedEntityIndex is { } i ? entities[i].Id : null,
        }));
        audit.Add(context, caller, "order.created", customerId, order.Id.ToString(), $"{terms.Formula} {string.Join(",", terms.Options)}; {numbers.Count} numbers");
        await context.SaveChangesAsync(cancellationToken);
        return await GetAsync(caller, order.Id, cancellationToken);
    }

    /// <summary>Records that activation is late: the reason and the new date (IMP2).</summary>
    public async Task<Outcome<OrderDto>> DelayAsync(Caller caller, Guid orderId, DelayOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await using var context = db.For(caller);
        var order = await context.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return Outcome<OrderDto>.NotFound();
        }

        if (!caller.Can(order.CustomerId, Rights.OperatorManage) || caller.CustomerId is not null)
        {
            return Outcome<OrderDto>.Forbidden("Delays are recorded by the operator.");
        }

        var v = new Validator();
        v.Text("reason", request.Reason, 400);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Brussels).DateTime);
        if (request.NewDate is not { } newDate)
        {
            v.Add("newDate", "Required.");
        }
        else if (newDate <= today)
        {
            v.Add("newDate", "The new date must be in the future.");
        }

        if (order.Status == OrderStatus.Activated)
        {
            v.Add("status", "The order is already activated.");
        }

        if (!v.IsValid)
        {
            return Outcome<OrderDto>.Invalid(v.Errors);
        }

        order.Status = OrderStatus.Delayed;
        order.DelayReason = request.Reason!.Trim();
        order.DelayedUntil = request.NewDate;
        audit.Add(context, caller, "order.delayed", order.CustomerId, order.Id.ToString(), $"{order.DelayedUntil:yyyy-MM-dd}: {order.DelayReason}");
        await context.SaveChangesAsync(cancellationToken);
        await SendDelayNoticeAsync(context, caller, order, cancellationToken);
        return Outcome<OrderDto>.Ok(await LoadDtoAsync(context, order, cancellationToken));
    }

    /// <summary>The delay is recorded whatever happens to the e-mail; its fate goes to the audit log.</summary>
    private async Task SendDelayNoticeAsync(VmsDbContext context, Caller caller, Order order, CancellationToken cancellationToken)
    {
        var customerName = await context.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.Name).SingleAsync(cancellationToken);
        var orderedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(order.CreatedAt, Brussels).DateTime);
        var notice = new DelayNotice(customerName, order.ContactName, orderedOn, order.TargetDate, order.DelayedUntil!.Value, order.DelayReason!);
        var error = await mailer.SendAsync(order.ContactName, order.ContactEmail, notice.Subject, notice.Lines, cancellationToken);
        await audit.WriteAsync(caller.UserId, caller.UserName, error is null ? "order.delay-notice.sent" : "order.delay-notice.failed", order.CustomerId, order.ContactEmail, error, cancellationToken);
    }

    public async Task<Outcome<LetterFile>> GetLetterAsync(Caller caller, Guid orderId, Guid letterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var letter = await context.WelcomeLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == letterId && l.OrderId == orderId, cancellationToken);
        if (letter is null)
        {
            return Outcome<LetterFile>.NotFound();
        }

        return caller.Can(letter.CustomerId, Rights.OperatorManage)
            ? Outcome<LetterFile>.Ok(new LetterFile($"vms-welcome-{letter.Id}.pdf", letter.Pdf))
            : Outcome<LetterFile>.Forbidden("Welcome letters are handled by the operator.");
    }

    /// <summary>The welcome letters of an order, for the operator (empty for anyone else, as the letters are theirs to send).</summary>
    public async Task<IReadOnlyList<WelcomeLetterDto>> ListLettersAsync(Caller caller, Guid orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var letters = await context.WelcomeLetters.AsNoTracking()
            .Where(l => l.OrderId == orderId)
            .OrderBy(l => l.Recipient)
            .Select(l => new { l.Id, l.CustomerId, l.Recipient, l.CreatedAt })
            .ToListAsync(cancellationToken);
        return [.. letters.Where(l => caller.Can(l.CustomerId, Rights.OperatorManage)).Select(l => new WelcomeLetterDto(l.Id, l.Recipient, l.CreatedAt))];
    }

    internal static async Task<OrderDto> LoadDtoAsync(VmsDbContext context, Order order, CancellationToken cancellationToken)
    {
        var persons = await context.AuthorisedPersons.AsNoTracking().Where(p => p.OrderId == order.Id).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var entities = await context.RelatedEntities.AsNoTracking().Where(e => e.OrderId == order.Id).OrderBy(e => e.Name).ToListAsync(cancellationToken);
        var numbers = await context.OrderNumbers.AsNoTracking().Where(n => n.OrderId == order.Id).OrderBy(n => n.E164).ToListAsync(cancellationToken);
        return OrderMapper.ToDto(order, persons, entities, numbers);
    }

    private static void ValidatePersons(Validator v, IReadOnlyList<AuthorisedPersonInput>? persons)
    {
        if (persons is null || persons.Count == 0)
        {
            v.Add("authorisedPersons", "At least one authorised person is required.");
            return;
        }

        if (persons.Count > MaxPersons)
        {
            v.Add("authorisedPersons", $"At most {MaxPersons}.");
        }

        if (!persons.Any(p => p?.IsAdministrator == true))
        {
            v.Add("authorisedPersons", "At least one authorised person must be an administrator.");
        }

        for (var i = 0; i < persons.Count; i++)
        {
            v.Text($"authorisedPersons[{i}].name", persons[i]?.Name, 200);
            v.Email($"authorisedPersons[{i}].email", persons[i]?.Email);
        }

        foreach (var dup in persons.Select((p, i) => (Email: p?.Email?.Trim().ToLowerInvariant(), i)).Where(p => p.Email is not null)
                     .GroupBy(p => p.Email).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            v.Add($"authorisedPersons[{dup.i}].email", "The same e-mail address appears twice.");
        }
    }

    private static void ValidateEntities(Validator v, IReadOnlyList<RelatedEntityInput>? entities)
    {
        var list = entities ?? [];
        if (list.Count > MaxEntities)
        {
            v.Add("relatedEntities", $"At most {MaxEntities}.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            v.Text($"relatedEntities[{i}].name", list[i]?.Name, 200);
            v.Text($"relatedEntities[{i}].companyNumber", list[i]?.CompanyNumber, 20, required: false);
            v.Text($"relatedEntities[{i}].proof", list[i]?.Proof, 400);
        }
    }

    private async Task<List<(string E164, Vms.Domain.Numbers.NumberServices Services, OrderNumberInput Input)>> ValidateNumbersAsync(Validator v, CreateOrderRequest request, Guid customerId, CancellationToken cancellationToken)
    {
        var result = new List<(string, Vms.Domain.Numbers.NumberServices, OrderNumberInput)>();
        var list = request.Numbers ?? [];
        if (list.Count > MaxNumbers)
        {
            v.Add("numbers", $"At most {MaxNumbers}.");
            return result;
        }

        await using var system = db.ForSystem();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var field = $"numbers[{i}]";
            var input = list[i] ?? new OrderNumberInput(null, null, false, null);
            var (e164, services, errors) = NumberRules.Check(field, input.Number, input.Services, input.CnipRemovalConsented);
            v.AddRange(errors);
            if (input.RelatedEntityIndex is { } index && (index < 0 || index >= (request.RelatedEntities?.Count ?? 0)))
            {
                v.Add(field + ".relatedEntityIndex", "Not an index into relatedEntities.");
            }

            if (e164 is null)
            {
                continue;
            }

            if (!seen.Add(e164))
            {
                v.Add(field + ".number", "The number appears twice on the order.");
            }
            else if (await NumberRules.CheckFreeAsync(system, field, e164, customerId, cancellationToken) is { } taken)
            {
                v.Add(taken.Field, taken.Message);
            }

            result.Add((e164, services, input));
        }

        return result;
    }
}
