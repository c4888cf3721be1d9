using Microsoft.EntityFrameworkCore;
using Vms.Data.Calls;
using Vms.Data.Identity;
using Vms.Data.Orders;
using Vms.Data.Routing;
using Vms.Data.Tenancy;

namespace Vms.Data;

/// <summary>
/// The one EF model of VMS. Every query of tenant data goes through the filters of <see cref="TenantFilters"/>:
/// a context sees nothing of any customer until <see cref="ScopeTo"/> or <see cref="ScopeToAll"/> is called.
/// </summary>
public sealed class VmsDbContext(DbContextOptions<VmsDbContext> options) : DbContext(options)
{
    /// <summary>The customer this context is scoped to (when not <see cref="AllCustomers"/>).</summary>
    public Guid? TenantId { get; private set; }

    /// <summary>True for operator staff and system work: every customer is visible.</summary>
    public bool AllCustomers { get; private set; }

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<ContractVersion> ContractVersions => Set<ContractVersion>();
    public DbSet<RelatedEntity> RelatedEntities => Set<RelatedEntity>();
    public DbSet<AuthorisedPerson> AuthorisedPersons => Set<AuthorisedPerson>();
    public DbSet<ServiceNumber> Numbers => Set<ServiceNumber>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderNumber> OrderNumbers => Set<OrderNumber>();
    public DbSet<WelcomeLetter> WelcomeLetters => Set<WelcomeLetter>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();
    public DbSet<UserSession> Sessions => Set<UserSession>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RoutingTree> RoutingTrees => Set<RoutingTree>();
    public DbSet<RoutingTreeVersion> RoutingTreeVersions => Set<RoutingTreeVersion>();
    public DbSet<NumberPlanAssignment> NumberPlanAssignments => Set<NumberPlanAssignment>();
    public DbSet<Prompt> Prompts => Set<Prompt>();
    public DbSet<CallerList> CallerLists => Set<CallerList>();
    public DbSet<CallerListEntry> CallerListEntries => Set<CallerListEntry>();
    public DbSet<CallRecord> CallRecords => Set<CallRecord>();
    public DbSet<CallLeg> CallLegs => Set<CallLeg>();

    /// <summary>Limits the context to one customer's data.</summary>
    public VmsDbContext ScopeTo(Guid customerId)
    {
        TenantId = customerId;
        AllCustomers = false;
        return this;
    }

    /// <summary>Opens every customer's data (operator staff, start-up, sign-in).</summary>
    public VmsDbContext ScopeToAll()
    {
        TenantId = null;
        AllCustomers = true;
        return this;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VmsDbContext).Assembly);
        TenantFilters.Apply(modelBuilder, this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        if (Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
        {
            // SQLite cannot compare or order DateTimeOffset text; all times are UTC, so binary ticks order well.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        }
    }
}
