using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Vms.E2E.Tests.Infrastructure;

/// <summary>
/// The real VMS server on a free loopback port (Kestrel), with a temporary SQLite database, a real SMTP server
/// catching its e-mail and a fake clock the test can move.
/// </summary>
public sealed class PortalServer : IAsyncLifetime, IDisposable
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "E2e-Operator-Pa55word!";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "vms-e2e-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public SmtpCatcher Smtp { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public string DataDirectory => _dataDir;

    public IServiceProvider Services => _factory!.Services;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        _factory = new Factory(this);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The test server has no address.");
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite's pool: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>The server only; <see cref="DisposeAsync"/> also stops the SMTP server and removes the folder.</summary>
    public void Dispose() => _factory?.Dispose();

    private sealed class Factory(PortalServer owner) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseUrls("http://127.0.0.1:0");
            foreach (var (key, value) in PortalServerSettings.For(owner))
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(owner.Clock);
            });
        }
    }
}
