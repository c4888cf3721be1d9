using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Account;

/// <summary>Sign-in: cookie scheme "Cookies" over server-side sessions, API tokens, antiforgery.</summary>
public static class AccountSetup
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string ApiPolicy = "api";

    public static WebApplicationBuilder AddAccount(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var vms = builder.Configuration.GetSection("Vms").Get<VmsOptions>() ?? new VmsOptions();
        var securePolicy = vms.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.AddHttpContextAccessor();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<ISessionValidator>(sp => sp.GetRequiredService<SessionStore>());
        services.AddSingleton<AccountService>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<AuditLog>();

        services.AddDataProtection()
            .SetApplicationName("vms")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(vms.DataDirectory, "keys")));

        services.AddAuthentication(CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "vms.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = securePolicy;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.ReturnUrlParameter = "returnUrl";

                // The cookie lives at most as long as the absolute limit; the real limits are enforced
                // server-side on every request by the session store, not by the cookie's sliding renewal.
                o.ExpireTimeSpan = vms.SessionAbsoluteTimeout;
                o.SlidingExpiration = false;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(CookieScheme, TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "vms.antiforgery";
            o.Cookie.SecurePolicy = securePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<ISessionValidator>();
        var check = await validator.CheckAsync(context.Principal!, touch: true, context.HttpContext.RequestAborted);
        if (!check.IsActive)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
