using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vms.Domain.Identity;
using Vms.Server.Features.Common;

namespace Vms.Server.Features.Account;

/// <summary>
/// Sign-in, sign-out and password change as form posts (antiforgery checked). The portal's pages post to them:
/// <list type="bullet">
/// <item>POST /account/login (username, password, returnUrl) → 303 to returnUrl, or to /account/change-password
/// when a one-time password must be changed, or back to /account/login?error=invalid|throttled&amp;returnUrl=….</item>
/// <item>POST /account/change-password (currentPassword, newPassword, confirmPassword, returnUrl) → 303 to
/// returnUrl (a new session), or back to /account/change-password?error=&lt;field&gt;&amp;error=…&amp;reason=….</item>
/// <item>POST /account/logout → 303 to /account/login.</item>
/// </list>
/// </summary>
public static class AccountEndpoints
{
    public static WebApplication MapAccountApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<MustChangePasswordMiddleware>();
        var account = app.MapGroup("/account").WithTags("Account");
        account.MapPost("/login", LoginAsync).WithName("SignIn").WithSummary("Signs in with a user name and password (form post).");
        account.MapPost("/logout", LogoutAsync).WithName("SignOut").WithSummary("Ends the session (form post).");
        account.MapPost("/change-password", ChangePasswordAsync).RequireAuthorization().WithName("ChangePassword")
            .WithSummary("Changes the password (form post); required after a one-time password.");
        account.MapGet("/antiforgery", Antiforgery).WithName("GetAntiforgeryToken").WithSummary("An antiforgery token for the account forms.");

        app.MapApiGroup("/api/me", "Account").MapGet("/", Me).WithName("GetMe").WithSummary("The signed-in user and rights.");
        return app;
    }

    private static async Task<RedirectHttpResult> LoginAsync([FromForm] LoginForm form, HttpContext http, AccountService accounts)
    {
        var returnUrl = LocalUrl(form.ReturnUrl);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var result = await accounts.SignInAsync(form.Username, form.Password, address, http.RequestAborted);
        if (!result.Succeeded)
        {
            var error = result.Throttled ? "throttled" : "invalid";
            return TypedResults.Redirect($"/account/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        await SignInCookieAsync(http, result.UserId, result.UserName, result.CustomerId, result.SessionId!, result.MustChangePassword);
        return TypedResults.Redirect(result.MustChangePassword
            ? $"/account/change-password?returnUrl={Uri.EscapeDataString(returnUrl)}"
            : returnUrl);
    }

    private static async Task<RedirectHttpResult> LogoutAsync(HttpContext http, ISessionValidator sessions, [FromForm] string? returnUrl = null)
    {
        var sid = http.User.FindFirstValue(VmsClaims.SessionId);
        if (sid is not null)
        {
            await sessions.EndAsync(sid, "signed-out", http.RequestAborted);
        }

        await http.SignOutAsync(AccountSetup.CookieScheme);
        return TypedResults.Redirect("/account/login");
    }

    private static async Task<RedirectHttpResult> ChangePasswordAsync([FromForm] ChangePasswordForm form, HttpContext http, AccountService accounts, SessionStore sessions)
    {
        var returnUrl = LocalUrl(form.ReturnUrl);
        if (!Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return TypedResults.Redirect("/account/login");
        }

        var outcome = await accounts.ChangePasswordAsync(userId, form.CurrentPassword, form.NewPassword, form.ConfirmPassword, http.RequestAborted);
        if (!outcome.IsOk)
        {
            var query = string.Join("&", outcome.Errors.Select(e => e.Field).Distinct().Select(f => "error=" + f));
            var reason = outcome.Errors.FirstOrDefault(e => e.Field == "newPassword")?.Message;
            return TypedResults.Redirect($"/account/change-password?{query}&returnUrl={Uri.EscapeDataString(returnUrl)}"
                + (reason is null ? "" : "&reason=" + Uri.EscapeDataString(reason)));
        }

        // A new session after the password change (the old ones were ended).
        var sessionId = await sessions.CreateAsync(userId, http.RequestAborted);
        Guid? customerId = Guid.TryParse(http.User.FindFirstValue(VmsClaims.CustomerId), out var c) ? c : null;
        await SignInCookieAsync(http, userId, http.User.Identity?.Name ?? "", customerId, sessionId, mustChangePassword: false);
        return TypedResults.Redirect(returnUrl);
    }

    private static Ok<AntiforgeryResponse> Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryResponse(tokens.FormFieldName, tokens.HeaderName, tokens.RequestToken!));
    }

    private static Ok<MeResponse> Me(HttpContext http)
    {
        var caller = http.Caller();
        var rights = Enum.GetValues<Rights>()
            .Where(r => r is not (Rights.None or Rights.AllCustomer) && caller.Has(r))
            .Select(r => r.ToString()).ToList();
        return TypedResults.Ok(new MeResponse(caller.UserId, caller.UserName, caller.CustomerId, caller.IsOperator, rights));
    }

    private static Task SignInCookieAsync(HttpContext http, Guid userId, string userName, Guid? customerId, string sessionId, bool mustChangePassword)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId.ToString()),
            new(ClaimTypes.Name, userName),
            new(VmsClaims.SessionId, sessionId),
            new(VmsClaims.Area, customerId is null ? "operator" : "customer"),
        };
        if (customerId is { } id)
        {
            claims.Add(new Claim(VmsClaims.CustomerId, id.ToString()));
        }

        if (mustChangePassword)
        {
            claims.Add(new Claim(VmsClaims.MustChangePassword, "true"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, AccountSetup.CookieScheme, ClaimTypes.Name, ClaimTypes.Role));
        return http.SignInAsync(AccountSetup.CookieScheme, principal, new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>Only a local path is a valid return address (no open redirect).</summary>
    internal static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length < 2000 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : "/";
}
