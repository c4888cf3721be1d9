using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Account;

/// <summary>Authenticates REST API calls with a personal access token: <c>Authorization: Bearer vms_…</c>.</summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    VmsDb db,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string Prefix = "vms_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        var hash = SessionStore.Hash(token);
        var now = time.GetUtcNow();
        await using var context = db.ForSystem();
        var found = await context.AccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.User!.IsActive && !t.User.MustChangePassword)
            .Select(t => new { t.UserId, t.ExpiresAt, t.User!.UserName, t.User.CustomerId })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || (found.ExpiresAt is { } expires && expires <= now))
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.UserId.ToString()),
            new(ClaimTypes.Name, found.UserName),
            new(VmsClaims.Area, found.CustomerId is null ? "operator" : "customer"),
        };
        if (found.CustomerId is { } customerId)
        {
            claims.Add(new Claim(VmsClaims.CustomerId, customerId.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
