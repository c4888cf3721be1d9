using Vms.Server.Features.Account;

namespace Vms.Server.Features.Portal;

/// <summary>The portal's page policies (by area); rights are checked by the application services.</summary>
public static class PortalPolicies
{
    public const string Operator = "portal-operator";
    public const string Customer = "portal-customer";

    internal static void Add(IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireClaim(VmsClaims.Area, "operator"))
            .AddPolicy(Customer, p => p.RequireAuthenticatedUser().RequireClaim(VmsClaims.Area, "customer"));
}
