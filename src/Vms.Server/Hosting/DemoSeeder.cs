using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vms.Data;
using Vms.Data.Identity;
using Vms.Data.Tenancy;
using Vms.Domain.Identity;
using Vms.Domain.Numbers;
using Vms.Domain.Tenancy;
using Vms.Server.Features.Account;
using Vms.Server.Features.Customers;
using Vms.Server.Features.Numbers;
using Vms.Server.Features.Users;

namespace Vms.Server.Hosting;

/// <summary>
/// Seeds what a fresh platform needs: the operator profiles and administrator (password from VMS_ADMIN_PASSWORD,
/// else generated and printed once) and, in demo mode, one customer per formula with users.
/// </summary>
public sealed partial class DemoSeeder(VmsDb db, PasswordHasher hasher, TimeProvider time, IConfiguration configuration, ILogger<DemoSeeder> logger)
{
    public const string AdminUserName = "admin";
    public const string DemoPassword = "demo-password-2026";

    private static readonly (Formula Formula, string Name, ServiceElement[] Options, string Number)[] DemoCustomers =
    [
        (Formula.Classic, "Demo Classic", [ServiceElement.AgentContactManagement, ServiceElement.VoiceRecording, ServiceElement.StatisticsPortal], "+3222001001"),
        (Formula.Drs, "Demo DRS", [ServiceElement.AgentContactManagement], "+3232001001"),
        (Formula.VoiceContinuity, "Demo Voice Continuity", [], "+3242001001"),
        (Formula.Outbound, "Demo Outbound", [ServiceElement.StatisticsPortal], "+3292001001"),
    ];

    public async Task SeedAsync(bool demoMode, CancellationToken cancellationToken)
    {
        await using var context = db.ForSystem();
        var now = time.GetUtcNow();
        foreach (var definition in StandardProfiles.ForOperator)
        {
            if (!await context.Profiles.AnyAsync(p => p.CustomerId == null && p.Name == definition.Name, cancellationToken))
            {
                context.Profiles.Add(new Profile { Id = Guid.CreateVersion7(now), Name = definition.Name, Rights = definition.Rights, Kind = definition.Kind });
            }
        }

        await context.SaveChangesAsync(cancellationToken);
        if (!await context.Users.AnyAsync(u => u.CustomerId == null, cancellationToken))
        {
            await SeedAdminAsync(context, now, cancellationToken);
        }

        if (demoMode && !await context.Customers.AnyAsync(c => c.IsDemo, cancellationToken))
        {
            await SeedDemoAsync(context, now, cancellationToken);
        }
    }

    private async Task SeedAdminAsync(VmsDbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var configured = configuration["VMS_ADMIN_PASSWORD"];
        var password = string.IsNullOrEmpty(configured) ? OneTimePassword.Create(20) : configured;
        var admin = UserService.NewUser(null, AdminUserName, "Operator administrator", "admin@vms.local", hasher.Hash(password), null, now);
        admin.MustChangePassword = false;
        var profile = await context.Profiles.SingleAsync(p => p.CustomerId == null && p.Name == StandardProfiles.OperatorAdministrator, cancellationToken);
        admin.Profiles.Add(new UserProfile { UserId = admin.Id, ProfileId = profile.Id });
        context.Users.Add(admin);
        await context.SaveChangesAsync(cancellationToken);
        if (string.IsNullOrEmpty(configured))
        {
            // Printed once, on the console only: it is not stored anywhere but as a hash.
            Console.WriteLine($"VMS operator administrator: user '{AdminUserName}', password '{password}' (set VMS_ADMIN_PASSWORD to choose it).");
        }

        LogAdminSeeded(logger, AdminUserName);
    }

    private async Task SeedDemoAsync(VmsDbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = hasher.Hash(DemoPassword);
        foreach (var demo in DemoCustomers)
        {
            var customer = CustomerService.AddCustomer(context, demo.Name, null, isDemo: true, now);
            await context.SaveChangesAsync(cancellationToken);
            await CustomerService.AddContractVersionAsync(context, customer.Id, new ContractTerms(demo.Formula, demo.Options.ToHashSet()), "demo", null, "Demo data", now, cancellationToken);
            context.Numbers.Add(NumberService.NewNumber(customer.Id, demo.Number, NumberServices.None, false, "demo", null, null, now));
            var prefix = demo.Formula.ToString().ToLowerInvariant();
            foreach (var (role, profileName) in new[] { ("admin", StandardProfiles.Administrator), ("supervisor", StandardProfiles.Supervisor), ("agent", StandardProfiles.Agent) })
            {
                var email = $"{prefix}.{role}@demo.vms.local";
                var person = new AuthorisedPerson { Id = Guid.CreateVersion7(now), CustomerId = customer.Id, Name = $"{demo.Name} {role}", Email = email, IsAdministrator = role == "admin" };
                context.AuthorisedPersons.Add(person);
                var user = UserService.NewUser(customer.Id, $"{prefix}.{role}", person.Name, email, hash, person.Id, now);
                user.MustChangePassword = false;
                var profile = await context.Profiles.Local.ToAsyncEnumerable().Where(p => p.CustomerId == customer.Id && p.Name == profileName).FirstAsync(cancellationToken);
                user.Profiles.Add(new UserProfile { UserId = user.Id, ProfileId = profile.Id });
                context.Users.Add(user);
            }

            await context.SaveChangesAsync(cancellationToken);
        }

        Console.WriteLine($"VMS demo mode: users classic.admin, drs.admin, voicecontinuity.admin, outbound.admin (and .supervisor, .agent), password '{DemoPassword}'.");
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Seeded the operator administrator {UserName}")]
    private static partial void LogAdminSeeded(ILogger logger, string userName);
}
