using Microsoft.EntityFrameworkCore;
using Vms.Data.Calls;
using Vms.Data.Identity;
using Vms.Data.Routing;
using Vms.Data.Tenancy;
using Vms.Domain.Identity;
using Vms.Domain.Numbers;

namespace Vms.Data.Tests;

public sealed class TenantFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ScopeTo_CustomerA_SeesOnlyRowsOfA(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, b) = await SeedTwoCustomersAsync(db);

        await using var context = db.CreateContext();
        context.ScopeTo(a);
        Assert.Equal([a], await context.Customers.Select(c => c.Id).ToListAsync());
        Assert.All(await context.Numbers.ToListAsync(), n => Assert.Equal(a, n.CustomerId));
        Assert.Single(await context.Numbers.ToListAsync());
        Assert.Single(await context.Users.ToListAsync());
        Assert.Single(await context.Profiles.ToListAsync());
        Assert.Single(await context.UserProfiles.ToListAsync());
        Assert.Single(await context.RoutingTrees.ToListAsync());
        Assert.Single(await context.RoutingTreeVersions.ToListAsync());
        Assert.Single(await context.NumberPlanAssignments.ToListAsync());
        Assert.Single(await context.CallerListEntries.ToListAsync());
        Assert.Single(await context.CallRecords.ToListAsync());
        Assert.Single(await context.CallLegs.ToListAsync());
        Assert.Single(await context.AuditEntries.ToListAsync());
        Assert.Null(await context.Customers.SingleOrDefaultAsync(c => c.Id == b));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task NewContext_NotScoped_SeesNoCustomerData(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedTwoCustomersAsync(db);
        await using var context = db.CreateContext();
        Assert.Empty(await context.Customers.ToListAsync());
        Assert.Empty(await context.Numbers.ToListAsync());
        Assert.Empty(await context.Users.ToListAsync());
        Assert.Empty(await context.CallLegs.ToListAsync());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ScopeToAll_SeesEveryCustomer(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedTwoCustomersAsync(db);
        await using var context = db.CreateContext();
        context.ScopeToAll();
        Assert.Equal(2, await context.Customers.CountAsync());
        Assert.Equal(2, await context.RoutingTreeVersions.CountAsync());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ActiveNumber_SecondCustomerSameNumber_IsRejectedUntilPortedOut(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, b) = await SeedTwoCustomersAsync(db);
        await using (var context = db.CreateContext())
        {
            context.ScopeToAll();
            context.Numbers.Add(Number(b, "+3222000001"));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await using (var context = db.CreateContext())
        {
            context.ScopeToAll();
            var held = await context.Numbers.SingleAsync(n => n.CustomerId == a);
            held.Status = NumberStatus.PortedOut;
            held.ActiveE164 = null;
            await context.SaveChangesAsync();
            context.Numbers.Add(Number(b, "+3222000001"));
            await context.SaveChangesAsync();
            Assert.Equal(2, await context.Numbers.CountAsync(n => n.E164 == "+3222000001"));
        }
    }

    private static ServiceNumber Number(Guid customer, string e164) =>
        new() { Id = Guid.NewGuid(), CustomerId = customer, E164 = e164, ActiveE164 = e164, Status = NumberStatus.Active, AddedAt = Now };

    private static async Task<(Guid A, Guid B)> SeedTwoCustomersAsync(TestDatabase db)
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        await using var context = db.CreateContext();
        context.ScopeToAll();
        var operatorUser = new User { Id = Guid.NewGuid(), UserName = "op", NormalizedUserName = "op", CreatedAt = Now };
        context.Users.Add(operatorUser);
        foreach (var (id, n) in new[] { (a, 1), (b, 2) })
        {
            context.Customers.Add(new Customer { Id = id, Name = $"Customer {n}", CreatedAt = Now });
            var number = Number(id, $"+322200000{n}");
            context.Numbers.Add(number);
            var user = new User { Id = Guid.NewGuid(), CustomerId = id, UserName = $"u{n}", NormalizedUserName = $"u{n}", CreatedAt = Now };
            var profile = new Profile { Id = Guid.NewGuid(), CustomerId = id, Name = "administrator", Rights = Rights.AllCustomer, Kind = ProfileKind.BuiltIn };
            context.Users.Add(user);
            context.Profiles.Add(profile);
            context.UserProfiles.Add(new UserProfile { UserId = user.Id, ProfileId = profile.Id });
            var tree = new RoutingTree { Id = Guid.NewGuid(), CustomerId = id, Name = "Main" };
            context.RoutingTrees.Add(tree);
            context.RoutingTreeVersions.Add(new RoutingTreeVersion { Id = Guid.NewGuid(), TreeId = tree.Id, VersionNumber = 1, Json = "{}", CreatedBy = "t", CreatedAt = Now });
            context.NumberPlanAssignments.Add(new NumberPlanAssignment { NumberId = number.Id, PlanKind = PlanKind.Normal, TreeId = tree.Id, IsActive = true });
            var list = new CallerList { Id = Guid.NewGuid(), CustomerId = id, Name = "VIP" };
            context.CallerLists.Add(list);
            context.CallerListEntries.Add(new CallerListEntry { Id = Guid.NewGuid(), ListId = list.Id, Value = "+3247000000" + n });
            var call = new CallRecord { Id = Guid.NewGuid(), CustomerId = id, CalledNumber = number.E164, CallingNumber = "+32470000000", SetupAt = Now, Outcome = "answered", NodeId = "n1" };
            context.CallRecords.Add(call);
            context.CallLegs.Add(new CallLeg { Id = Guid.NewGuid(), CallRecordId = call.Id, Destination = "+3221234567", SetupAt = Now, Outcome = "answered" });
            context.AuditEntries.Add(new AuditEntry { CustomerId = id, At = Now, Actor = "t", Action = "test" });
        }

        context.AuditEntries.Add(new AuditEntry { CustomerId = null, At = Now, Actor = "op", Action = "operator" });
        await context.SaveChangesAsync();
        return (a, b);
    }
}
