using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Vms.Server.Features.Account;
using Vms.Server.Features.Common;

namespace Vms.Server.Features.Portal;

/// <summary>
/// The signed-in user as the portal's pages see it: the claims for layout decisions, and the application
/// services' <see cref="Caller"/> (resolved from the database each time, so a changed profile applies at once).
/// </summary>
public sealed class PortalUser(AuthenticationStateProvider authentication, CallerResolver callers)
{
    public static bool IsOperator(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(VmsClaims.Area) == "operator";
    }

    public static Guid? CustomerIdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(VmsClaims.CustomerId), out var id) ? id : null;
    }

    /// <summary>The caller for the application services, or null when the user may no longer act.</summary>
    public async Task<Caller?> CallerAsync(CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await callers.ResolveAsync(state.User, cancellationToken);
    }
}
