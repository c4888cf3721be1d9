using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Vms.Data.Calls;
using Vms.Data.Identity;
using Vms.Data.Routing;
using Vms.Data.Tenancy;

namespace Vms.Data;

/// <summary>
/// Tenant isolation in one place (NFR4): a query filter on every entity that belongs to a customer, directly or
/// through its parent. A context scoped to customer A never returns a row of customer B.
/// </summary>
internal static class TenantFilters
{
    public static void Apply(ModelBuilder modelBuilder, VmsDbContext db)
    {
        foreach (var type in modelBuilder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(ICustomerOwned).IsAssignableFrom(type))
            {
                typeof(TenantFilters).GetMethod(nameof(Owned), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type).Invoke(null, [modelBuilder, db]);
            }
            else if (typeof(IMaybeCustomerOwned).IsAssignableFrom(type))
            {
                typeof(TenantFilters).GetMethod(nameof(MaybeOwned), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type).Invoke(null, [modelBuilder, db]);
            }
        }

        modelBuilder.Entity<Customer>().HasQueryFilter(c => db.AllCustomers || c.Id == db.TenantId);
        modelBuilder.Entity<RoutingTreeVersion>().HasQueryFilter(v => db.AllCustomers || v.Tree!.CustomerId == db.TenantId);
        modelBuilder.Entity<NumberPlanAssignment>().HasQueryFilter(a => db.AllCustomers || a.Number!.CustomerId == db.TenantId);
        modelBuilder.Entity<CallerListEntry>().HasQueryFilter(e => db.AllCustomers || e.List!.CustomerId == db.TenantId);
        modelBuilder.Entity<CallLeg>().HasQueryFilter(l => db.AllCustomers || l.CallRecord!.CustomerId == db.TenantId);
        modelBuilder.Entity<UserProfile>().HasQueryFilter(p => db.AllCustomers || p.User!.CustomerId == db.TenantId);
        modelBuilder.Entity<AccessToken>().HasQueryFilter(t => db.AllCustomers || t.User!.CustomerId == db.TenantId);
        modelBuilder.Entity<UserSession>().HasQueryFilter(s => db.AllCustomers);
    }

    private static void Owned<T>(ModelBuilder modelBuilder, VmsDbContext db)
        where T : class, ICustomerOwned
    {
        Expression<Func<T, bool>> filter = e => db.AllCustomers || e.CustomerId == db.TenantId;
        modelBuilder.Entity<T>().HasQueryFilter(filter);
    }

    private static void MaybeOwned<T>(ModelBuilder modelBuilder, VmsDbContext db)
        where T : class, IMaybeCustomerOwned
    {
        Expression<Func<T, bool>> filter = e => db.AllCustomers || (e.CustomerId != null && e.CustomerId == db.TenantId);
        modelBuilder.Entity<T>().HasQueryFilter(filter);
    }
}
