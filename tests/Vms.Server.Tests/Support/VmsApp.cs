using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Vms.Server.Tests.Support;

/// <summary>The whole server in-process on its own database, with a fake clock and known admin password.</summary>
public sealed class VmsApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "operator-admin-password-1";

    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings;

    private VmsApp(TestDatabase database, Dictionary<string, string?> settings)
    {
        _database = database;
        _settings = settings;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public TestDatabase Database => _database;

    public static async Task<VmsApp> StartAsync(string provider, IDictionary<string, string?>? extra = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = provider == TestDatabase.Postgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Vms"] = database.ConnectionString,
            ["Vms:DataDirectory"] = database.Folder,
            ["Vms:DemoMode"] = "false",
            ["Vms:PortalUrl"] = "http://vms.test",
            ["VMS_ADMIN_PASSWORD"] = AdminPassword,
            ["Smtp:Host"] = "",

            // The lowest Argon2id cost the hasher accepts keeps the suite quick; production uses the OWASP setting.
            ["Vms:Argon2MemoryKib"] = "8192",
            ["Vms:Argon2Iterations"] = "1",

            // The fake clock jumps by many minutes in session tests: background periodic work of the call
            // feature would otherwise run once per elapsed period at every jump.
            ["Calls:SnapshotRefresh"] = "01:00:00",
            ["Calls:Records:ReplayInterval"] = "01:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new VmsApp(database, settings);
        _ = app.Server; // start now, so migrations and seeding run before the test acts
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
