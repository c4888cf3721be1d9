using Microsoft.EntityFrameworkCore;
using Vms.Domain.Routing.CallerLists;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Routing;

/// <summary>
/// The caller lists of every customer in memory for the call path (<c>CallContext.Lists</c>), keyed by
/// (customer, list name) as trees reference them; rebuilt after each upload. Keeps the last index when the
/// database does not answer.
/// </summary>
public sealed class CallerListIndexProvider(VmsDb db)
{
    private volatile CallerListIndex _current = CallerListIndex.Empty;

    public CallerListIndex Current => _current;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var context = db.ForSystem();
            var rows = await context.CallerListEntries.AsNoTracking()
                .Select(e => new { e.List!.CustomerId, e.List.Name, e.Value }).ToListAsync(cancellationToken);
            _current = CallerListIndex.Build(rows.GroupBy(r => (r.CustomerId, r.Name))
                .Select(g => (g.Key.CustomerId, g.Key.Name, g.Select(r => r.Value))));
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Database unavailable: keep routing on the lists we have.
        }
    }
}
