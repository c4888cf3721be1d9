using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vms.Domain.Identity;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Common;

/// <summary>
/// Turns a signed-in principal into a <see cref="Caller"/> with fresh rights from the database; null when the
/// user is unknown, disabled or must still change a one-time password.
/// </summary>
public sealed class CallerResolver(VmsDb db)
{
    public async Task<Caller?> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        return await ResolveAsync(userId, cancellationToken);
    }

    public async Task<Caller?> ResolveAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var context = db.ForSystem();
        var user = await context.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive && !u.MustChangePassword)
            .Select(u => new { u.Id, u.UserName, u.CustomerId, Rights = u.Profiles.Select(p => p.Profile!.Rights).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var rights = user.Rights.Aggregate(Rights.None, (all, r) => all | r);
        if (user.CustomerId is not null)
        {
            rights &= Rights.AllCustomer;
        }

        return new Caller(user.Id, user.UserName, user.CustomerId, rights);
    }
}
