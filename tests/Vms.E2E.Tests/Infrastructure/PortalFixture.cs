namespace Vms.E2E.Tests.Infrastructure;

/// <summary>One server and one browser shared by the tests of the "portal" collection.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public PortalServer Server { get; } = new();

    public BrowserHost Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        await Server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }
}
