using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Localization;
using Vms.Server.Components;
using Vms.Server.Resources;

namespace Vms.Server.Features.Portal;

/// <summary>Plugs the Blazor portal into the host (owned by the portal).</summary>
public static class PortalSetup
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<PortalText>();
        services.AddScoped<PortalUser>();
        PortalPolicies.Add(services);
        services.AddScoped<PortalSessionCircuitHandler>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<PortalSessionCircuitHandler>());
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Belgian formats for dates and numbers; the neutral cultures for browsers that ask for them.
            string[] cultures = [.. PortalText.Languages.Select(CultureOf), .. PortalText.Languages];
            options.SetDefaultCulture(CultureOf("en")).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The language cookie first, then the browser's Accept-Language; the query string is not used.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        // The core pages of the menu; features add theirs the same way (see PortalNavItem).
        services.AddPortalNavItem(new PortalNavItem("/ops/customers", "Customers", PortalArea.Operator, 10));
        services.AddPortalNavItem(new PortalNavItem("/ops/orders", "Orders", PortalArea.Operator, 11));
        services.AddPortalNavItem(new PortalNavItem("/ops/numbers", "Numbers", PortalArea.Operator, 12));
        services.AddPortalNavItem(new PortalNavItem("/ops/users", "Users", PortalArea.Operator, 13));
        services.AddPortalNavItem(new PortalNavItem("/ops/staff", "Operator staff", PortalArea.Operator, 14));
        services.AddPortalNavItem(new PortalNavItem("/my/contract", "Contract", PortalArea.Customer, 10));
        services.AddPortalNavItem(new PortalNavItem("/my/users", "Users", PortalArea.Customer, 11));
        services.AddPortalNavItem(new PortalNavItem("/my/profiles", "Profiles", PortalArea.Customer, 12));
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLocalization();
        app.MapStaticAssets().AllowAnonymous();
        app.MapGet("/culture/set", SetCulture).AllowAnonymous().ExcludeFromDescription();
        var pages = app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        pages.Add(GetOnlyForAccountForms);
        return app;
    }

    /// <summary>
    /// The sign-in and password pages share their paths with the account form posts (POST /account/login,
    /// POST /account/change-password): the pages answer GET only, the posts go to the account endpoints.
    /// </summary>
    private static void GetOnlyForAccountForms(EndpointBuilder endpoint)
    {
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route }
            && (route.Equals("/account/login", StringComparison.OrdinalIgnoreCase)
                || route.Equals("/account/change-password", StringComparison.OrdinalIgnoreCase)))
        {
            endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        }
    }

    /// <summary>The culture (formats) used for a language of the portal.</summary>
    private static string CultureOf(string language) => language switch
    {
        "fr" => "fr-BE",
        "nl" => "nl-BE",
        _ => "en-GB",
    };

    /// <summary>The language switch: stores the chosen language in a cookie and goes back to the page.</summary>
    private static IResult SetCulture(HttpContext context, string? culture, string? returnUrl)
    {
        if (culture is not null && PortalText.Languages.Contains(culture))
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureOf(culture))),
                new CookieOptions
                {
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    MaxAge = TimeSpan.FromDays(365),
                    Path = "/",
                });
        }

        var target = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
        return Results.LocalRedirect(target);
    }
}
