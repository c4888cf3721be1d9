using Microsoft.EntityFrameworkCore;
using Vms.Data;
using Vms.Data.Identity;
using Vms.Data.Tenancy;
using Vms.Domain.Identity;
using Vms.Domain.Tenancy;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Customers;

/// <summary>Customers and their contract versions (F1–F4). Operator staff manage; customer users read their own.</summary>
public sealed class CustomerService(VmsDb db, TimeProvider time, AuditLog audit)
{
    public async Task<IReadOnlyList<CustomerSummary>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var customers = await context.Customers.AsNoTracking().Include(c => c.ContractVersions).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. customers.Select(c =>
        {
            var current = EntitlementService.InForce(c.ContractVersions.Select(v => v.ToInfo()), now);
            return new CustomerSummary(c.Id, c.Name, c.CompanyNumber, current?.Terms.Formula.ToString(),
                current is null ? [] : [.. current.Terms.Options.Order().Select(o => o.ToString())], current?.Version, c.IsDemo);
        })];
    }

    public async Task<Outcome<CustomerDetail>> GetAsync(Caller caller, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var customer = await context.Customers.AsNoTracking().Include(c => c.ContractVersions).SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return Outcome<CustomerDetail>.NotFound();
        }

        if (!caller.IsOperator && !caller.Has(Rights.ViewContract))
        {
            return Outcome<CustomerDetail>.Forbidden("Viewing the contract needs the right ViewContract.");
        }

        var versions = customer.ContractVersions.OrderBy(v => v.Version).ToList();
        var infos = versions.Select(v => v.ToInfo()).ToList();
        var now = time.GetUtcNow();
        var current = EntitlementService.InForce(infos, now);
        var related = await context.RelatedEntities.AsNoTracking().Where(e => e.CustomerId == customerId).OrderBy(e => e.Name)
            .Select(e => new RelatedEntityDto(e.Id, e.Name, e.CompanyNumber, e.Proof)).ToListAsync(cancellationToken);
        var persons = await context.AuthorisedPersons.AsNoTracking().Where(p => p.CustomerId == customerId).OrderBy(p => p.Name)
            .Select(p => new AuthorisedPersonDto(p.Id, p.Name, p.Email, p.IsAdministrator, context.Users.Any(u => u.AuthorisedPersonId == p.Id)))
            .ToListAsync(cancellationToken);
        return Outcome<CustomerDetail>.Ok(new CustomerDetail(
            customer.Id, customer.Name, customer.CompanyNumber,
            versions.Where(v => v.Version == current?.Version).Select(ToDto).FirstOrDefault(),
            [.. versions.Select(ToDto)],
            Entitlements(infos, current, now),
            related,
            persons));
    }

    public async Task<Outcome<IReadOnlyList<EntitlementDto>>> GetEntitlementsAsync(Caller caller, Guid customerId, CancellationToken cancellationToken)
    {
        var detail = await GetAsync(caller, customerId, cancellationToken);
        return detail.IsOk ? Outcome<IReadOnlyList<EntitlementDto>>.Ok(detail.Value!.Entitlements) : detail.As<IReadOnlyList<EntitlementDto>>();
    }

    public async Task<Outcome<CustomerDetail>> CreateAsync(Caller caller, CreateCustomerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!caller.Has(Rights.OperatorManage) || caller.CustomerId is not null)
        {
            return Outcome<CustomerDetail>.Forbidden("Only operator staff create customers.");
        }

        var v = new Validator();
        v.Text("name", request.Name, 200);
        v.Text("companyNumber", request.CompanyNumber, 20, required: false);
        if (!v.IsValid)
        {
            return Outcome<CustomerDetail>.Invalid(v.Errors);
        }

        await using var context = db.For(caller);
        var customer = AddCustomer(context, request.Name!.Trim(), request.CompanyNumber?.Trim(), isDemo: false, time.GetUtcNow());
        audit.Add(context, caller, "customer.created", customer.Id, customer.Name);
        await context.SaveChangesAsync(cancellationToken);
        return await GetAsync(caller, customer.Id, cancellationToken);
    }

    /// <summary>Makes a new contract version (F4); the history is kept.</summary>
    public async Task<Outcome<CustomerDetail>> ChangeContractAsync(Caller caller, Guid customerId, ChangeContractRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await using var context = db.For(caller);
        if (!await context.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return Outcome<CustomerDetail>.NotFound();
        }

        if (!caller.Can(customerId, Rights.OperatorManage))
        {
            return Outcome<CustomerDetail>.Forbidden("Contracts are changed by the operator: order the change.");
        }

        var (terms, errors) = ContractInput.Parse(request.Formula, request.Options);
        var v = new Validator();
        v.AddRange(errors);
        v.Text("reason", request.Reason, 400, required: false);
        if (!v.IsValid)
        {
            return Outcome<CustomerDetail>.Invalid(v.Errors);
        }

        await AddContractVersionAsync(context, customerId, terms!, caller.UserName, null, request.Reason, time.GetUtcNow(), cancellationToken);
        audit.Add(context, caller, "contract.changed", customerId, terms!.Formula.ToString(), string.Join(",", terms.Options));
        await context.SaveChangesAsync(cancellationToken);
        return await GetAsync(caller, customerId, cancellationToken);
    }

    /// <summary>Adds a customer with its standard profiles (including the operator's BGC profiles) to a unit of work.</summary>
    internal static Customer AddCustomer(VmsDbContext context, string name, string? companyNumber, bool isDemo, DateTimeOffset now)
    {
        var customer = new Customer { Id = Guid.CreateVersion7(now), Name = name, CompanyNumber = companyNumber, CreatedAt = now, IsDemo = isDemo };
        context.Customers.Add(customer);
        foreach (var definition in StandardProfiles.ForCustomer)
        {
            context.Profiles.Add(new Profile { Id = Guid.CreateVersion7(now), CustomerId = customer.Id, Name = definition.Name, Rights = definition.Rights, Kind = definition.Kind });
        }

        return customer;
    }

    internal static async Task<ContractVersion> AddContractVersionAsync(VmsDbContext context, Guid customerId, ContractTerms terms, string by, Guid? orderId, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = await context.ContractVersions.Where(v => v.CustomerId == customerId).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var version = new ContractVersion
        {
            Id = Guid.CreateVersion7(now), CustomerId = customerId, Version = last + 1, Formula = terms.Formula, OptionBits = terms.OptionBits,
            ValidFrom = now, CreatedBy = by, OrderId = orderId, Reason = reason,
        };
        context.ContractVersions.Add(version);
        return version;
    }

    private static ContractVersionDto ToDto(ContractVersion v) =>
        new(v.Version, v.Formula.ToString(), [.. ContractTerms.FromBits(v.OptionBits).Order().Select(o => o.ToString())], v.ValidFrom, v.CreatedBy, v.Reason);

    private static List<EntitlementDto> Entitlements(IReadOnlyList<ContractVersionInfo> versions, ContractVersionInfo? current, DateTimeOffset now) =>
        [.. Enum.GetValues<ServiceElement>().Select(e =>
        {
            var availability = EntitlementService.Check(versions, e, now);
            var matrix = current is null ? "" : EntitlementMatrix.Get(current.Terms.Formula, e).ToString();
            return new EntitlementDto(e.ToString(), ServiceElementNames.Of(e), matrix, availability.IsAvailable, availability.Reason, availability.WhatToOrder);
        })];
}
