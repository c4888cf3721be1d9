using Microsoft.EntityFrameworkCore;
using Vms.Data;
using Vms.Domain.Identity;
using Vms.Server.Features.Common;

namespace Vms.Server.Hosting;

/// <summary>
/// Opens database contexts already scoped to what the caller may see: the tenant filters of
/// <see cref="VmsDbContext"/> do the rest. The only way application services reach the database.
/// </summary>
public sealed class VmsDb(IDbContextFactory<VmsDbContext> factory)
{
    /// <summary>A context limited to the caller's customer, or every customer for operator staff.</summary>
    public VmsDbContext For(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var db = factory.CreateDbContext();
        if (caller.CustomerId is { } customerId)
        {
            return db.ScopeTo(customerId);
        }

        return caller.Has(Rights.OperatorRead) ? db.ScopeToAll() : db.ScopeTo(Guid.Empty);
    }

    /// <summary>A context limited to one customer (background work on behalf of that customer).</summary>
    public VmsDbContext ForCustomer(Guid customerId) => factory.CreateDbContext().ScopeTo(customerId);

    /// <summary>An unscoped context for the platform itself: start-up, sign-in, sessions.</summary>
    public VmsDbContext ForSystem() => factory.CreateDbContext().ScopeToAll();
}
