using Vms.Server.Features.Routing;

[assembly: HostingStartup(typeof(RoutingHostingStartup))]

namespace Vms.Server.Features.Routing;

/// <summary>
/// Registers the routing services (portal pages, caller-list index) even before Program.cs calls
/// <see cref="RoutingApi.AddRoutingManagement"/>; the REST endpoints still need <see cref="RoutingApi.MapRoutingApi"/>.
/// ASP.NET Core runs the hosting startups of the application's own assembly at start.
/// </summary>
public sealed class RoutingHostingStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices(RoutingApi.AddRoutingServices);
    }
}
