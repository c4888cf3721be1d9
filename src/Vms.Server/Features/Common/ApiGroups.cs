using Vms.Server.Features.Account;

namespace Vms.Server.Features.Common;

/// <summary>The shape every REST API group shares: authenticated (cookie or token), a resolved caller, a tag.</summary>
public static class ApiGroups
{
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGroup(prefix)
            .RequireAuthorization(AccountSetup.ApiPolicy)
            .AddEndpointFilter(ResolveCallerAsync)
            .DisableAntiforgery()
            .WithTags(tag);
    }

    private static async ValueTask<object?> ResolveCallerAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var resolver = http.RequestServices.GetRequiredService<CallerResolver>();
        var caller = await resolver.ResolveAsync(http.User, http.RequestAborted);
        if (caller is null)
        {
            return TypedResults.Problem("The account is disabled or must change its password first.", statusCode: StatusCodes.Status403Forbidden);
        }

        http.Items[typeof(Caller)] = caller;
        return await next(context);
    }

    /// <summary>The caller resolved by the group's filter.</summary>
    public static Caller Caller(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return (Caller)http.Items[typeof(Caller)]!;
    }
}
