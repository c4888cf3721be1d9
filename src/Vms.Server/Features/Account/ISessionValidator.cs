using System.Security.Claims;

namespace Vms.Server.Features.Account;

/// <summary>
/// The server-side session rules (P1): a session ends after 30 minutes without activity or 480 minutes in all,
/// whichever comes first, measured with the injected TimeProvider. Every request with the cookie calls it, and a
/// live Blazor circuit must too: call <see cref="CheckAsync(ClaimsPrincipal, bool, CancellationToken)"/> with
/// <c>touch: true</c> on user activity, and with <c>touch: false</c> from a timer at
/// <see cref="SessionCheck.ExpiresAt"/>; when <see cref="SessionCheck.IsActive"/> is false, close the circuit
/// and send the browser to /account/login.
/// </summary>
public interface ISessionValidator
{
    /// <summary>Checks (and when <paramref name="touch"/> is set, renews the idle timer of) a session by id.</summary>
    Task<SessionCheck> CheckAsync(string sessionId, bool touch, CancellationToken cancellationToken);

    /// <summary>Checks the session the principal carries (claim <see cref="VmsClaims.SessionId"/>).</summary>
    Task<SessionCheck> CheckAsync(ClaimsPrincipal user, bool touch, CancellationToken cancellationToken);

    /// <summary>Ends a session now (sign-out, password change).</summary>
    Task EndAsync(string sessionId, string reason, CancellationToken cancellationToken);
}
