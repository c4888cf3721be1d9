using System.Security.Claims;

namespace Vms.Server.Features.Account;

/// <summary>
/// A user signed in with a one-time password reaches nothing but the password change until it is changed
/// (pages are redirected, API calls get 403).
/// </summary>
internal sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.FindFirstValue(VmsClaims.MustChangePassword) != "true"
            || context.Request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
            || Path.HasExtension(context.Request.Path.Value))
        {
            return next(context);
        }

        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        context.Response.Redirect("/account/change-password");
        return Task.CompletedTask;
    }
}
