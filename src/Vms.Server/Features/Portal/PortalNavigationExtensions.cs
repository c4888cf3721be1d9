namespace Vms.Server.Features.Portal;

/// <summary>Registers entries of the portal's navigation menu (see <see cref="PortalNavItem"/>).</summary>
public static class PortalNavigationExtensions
{
    public static IServiceCollection AddPortalNavItem(this IServiceCollection services, PortalNavItem item)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(item);
        return services.AddSingleton(item);
    }
}
