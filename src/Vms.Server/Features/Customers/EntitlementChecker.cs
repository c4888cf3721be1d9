using Microsoft.EntityFrameworkCore;
using Vms.Domain.Tenancy;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Customers;

/// <summary>
/// "Is service element X available to this customer now?" (F3) for every feature of the host: portal pages, API
/// endpoints and call handling ask here; a refusal names what must be ordered.
/// </summary>
public sealed class EntitlementChecker(VmsDb db, TimeProvider time)
{
    public async Task<Availability> CheckAsync(Guid customerId, ServiceElement element, CancellationToken cancellationToken)
    {
        await using var context = db.ForCustomer(customerId);
        var versions = await context.ContractVersions.AsNoTracking().Where(v => v.CustomerId == customerId).ToListAsync(cancellationToken);
        return EntitlementService.Check(versions.Select(v => v.ToInfo()), element, time.GetUtcNow());
    }
}
