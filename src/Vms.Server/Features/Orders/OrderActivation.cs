using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vms.Data.Identity;
using Vms.Data.Orders;
using Vms.Domain.Common;
using Vms.Domain.Identity;
using Vms.Domain.Orders;
using Vms.Domain.Tenancy;
using Vms.Server.Features.Account;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Features.Customers;
using Vms.Server.Features.Numbers;
using Vms.Server.Features.Users;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Orders;

/// <summary>
/// Activates an order (IMP2, IMP3): a new contract version, the numbers served, an administrator account with a
/// one-time password for each administrator named on the order, and the welcome message — an e-mail for
/// Classic, DRS and Outbound, a PDF letter for Voice Continuity. All database changes are saved together.
/// </summary>
public sealed class OrderActivation(
    VmsDb db,
    TimeProvider time,
    AuditLog audit,
    PasswordHasher hasher,
    UserService users,
    PortalMailer mailer,
    WelcomeLetterWriter letters,
    IOptions<VmsOptions> options)
{
    public async Task<Outcome<ActivationResult>> ActivateAsync(Caller caller, Guid orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var order = await context.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return Outcome<ActivationResult>.NotFound();
        }

        if (caller.CustomerId is not null || !caller.Can(order.CustomerId, Rights.OperatorManage))
        {
            return Outcome<ActivationResult>.Forbidden("Orders are activated by the operator.");
        }

        if (order.Status == OrderStatus.Activated)
        {
            return Outcome<ActivationResult>.Invalid("status", "The order is already activated.");
        }

        var now = time.GetUtcNow();
        var customer = await context.Customers.SingleAsync(c => c.Id == order.CustomerId, cancellationToken);
        var numbers = await context.OrderNumbers.Where(n => n.OrderId == order.Id).ToListAsync(cancellationToken);
        var errors = new List<FieldError>();
        await using (var system = db.ForSystem())
        {
            foreach (var (number, i) in numbers.Select((n, i) => (n, i)))
            {
                if (await NumberRules.CheckFreeAsync(system, $"numbers[{i}]", number.E164, order.CustomerId, cancellationToken) is { } taken)
                {
                    errors.Add(taken);
                }
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<ActivationResult>.Invalid(errors);
        }

        var terms = new ContractTerms(order.Formula, ContractTerms.FromBits(order.OptionBits));
        await CustomerService.AddContractVersionAsync(context, order.CustomerId, terms, caller.UserName, order.Id, "Order activated", now, cancellationToken);
        context.Numbers.AddRange(numbers.Select(n => NumberService.NewNumber(order.CustomerId, n.E164, n.Services, n.CnipRemovalConsented, caller.UserName, n.RelatedEntityId, order.Id, now)));

        var adminProfile = await context.Profiles.SingleAsync(p => p.CustomerId == order.CustomerId && p.Name == StandardProfiles.Administrator, cancellationToken);
        var persons = await context.AuthorisedPersons.Where(p => p.OrderId == order.Id && p.IsAdministrator && !context.Users.Any(u => u.AuthorisedPersonId == p.Id))
            .ToListAsync(cancellationToken);
        var welcome = new List<WelcomeContent>();
        foreach (var person in persons)
        {
            var userName = await FreeUserNameAsync(person.Email, cancellationToken);
            var password = OneTimePassword.Create();
            var user = UserService.NewUser(order.CustomerId, userName, person.Name, person.Email, hasher.Hash(password), person.Id, now);
            user.Profiles.Add(new UserProfile { UserId = user.Id, ProfileId = adminProfile.Id });
            context.Users.Add(user);
            welcome.Add(new WelcomeContent(customer.Name, person.Name, person.Email, userName, password, options.Value.PortalUrl, order.Formula == Formula.VoiceContinuity));
        }

        var messages = new List<WelcomeMessageDto>();
        if (order.Formula == Formula.VoiceContinuity)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            foreach (var content in welcome)
            {
                var (pdf, error) = letters.Write(content, today);
                if (pdf is null)
                {
                    messages.Add(new WelcomeMessageDto(content.RecipientName, content.UserName, "Letter", false, error, null));
                    continue;
                }

                var letter = new WelcomeLetter { Id = Guid.CreateVersion7(now), CustomerId = order.CustomerId, OrderId = order.Id, Recipient = content.RecipientName, CreatedAt = now, Pdf = pdf };
                context.WelcomeLetters.Add(letter);
                messages.Add(new WelcomeMessageDto(content.RecipientName, content.UserName, "Letter", true, null, letter.Id));
            }
        }

        order.Status = OrderStatus.Activated;
        order.ActivatedAt = now;
        order.ActivatedBy = caller.UserName;
        audit.Add(context, caller, "order.activated", order.CustomerId, order.Id.ToString(), $"{persons.Count} administrator accounts");
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<ActivationResult>.Invalid("numbers", "A number of the order was taken by another customer meanwhile.");
        }

        if (order.Formula != Formula.VoiceContinuity)
        {
            foreach (var content in welcome)
            {
                var error = await mailer.SendAsync(content, cancellationToken);
                messages.Add(new WelcomeMessageDto(content.RecipientEmail, content.UserName, "Email", error is null, error, null));
                await audit.WriteAsync(caller.UserId, caller.UserName, error is null ? "welcome.sent" : "welcome.failed", order.CustomerId, content.RecipientEmail, error, cancellationToken);
            }
        }

        return Outcome<ActivationResult>.Ok(new ActivationResult(await OrderService.LoadDtoAsync(context, order, cancellationToken), messages));
    }

    private async Task<string> FreeUserNameAsync(string email, CancellationToken cancellationToken)
    {
        var baseName = email.Trim();
        if (baseName.Length > AccountService.MaxUserNameLength - 3)
        {
            baseName = baseName[..(AccountService.MaxUserNameLength - 3)];
        }

        var candidate = baseName;
        for (var i = 2; await users.UserNameTakenAsync(candidate, cancellationToken); i++)
        {
            candidate = $"{baseName}-{i}";
        }

        return candidate;
    }
}
