using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Vms.E2E.Tests.Calls;

/// <summary>
/// The real VMS server in demo mode on free loopback ports, with its embedded network simulator as the outbound
/// gateway and the caller of the portal's test calls, on the real clock (calls, ring and hold times are real):
/// demo customers (classic.*, drs.*, … users, password <see cref="Hosting.DemoSeeder.DemoPassword"/>) and demo trees.
/// </summary>
public sealed class DemoPortalServer : IAsyncDisposable
{
    public const string AdminPassword = "E2e-Live-Operator-Pa55word!";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "vms-e2e-live-" + Guid.NewGuid().ToString("N"));
    private readonly Factory _factory;

    private DemoPortalServer()
    {
        Directory.CreateDirectory(_dataDir);
        _factory = new Factory(Settings(_dataDir, FreeUdpPort(), FreeUdpPort()));
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The test server has no address.");
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    public static DemoPortalServer Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite's pool: the temp folder is cleaned by the OS.
        }
    }

    private static Dictionary<string, string> Settings(string dataDir, int sipPort, int netSimPort) => new(StringComparer.Ordinal)
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Vms"] = $"Data Source={Path.Combine(dataDir, "vms.db")}",
        ["Vms:DataDirectory"] = dataDir,
        ["Vms:DemoMode"] = "true",
        ["Vms:PortalUrl"] = "http://127.0.0.1/",
        ["VMS_ADMIN_PASSWORD"] = AdminPassword,
        ["Smtp:Host"] = "",
        ["Logging:LogLevel:Default"] = "Warning",

        // SIP on fixed free ports (the simulator must know VMS's port), RTP out of the way of other tests.
        ["Calls:SipPort"] = sipPort.ToString(CultureInfo.InvariantCulture),
        ["Calls:SipTcp"] = "false",
        ["Calls:NetSim"] = "true",
        ["Calls:NetSimPort"] = netSimPort.ToString(CultureInfo.InvariantCulture),
        ["Calls:RtpMinPort"] = "38200",
        ["Calls:RtpMaxPort"] = "38399",
        ["Calls:SnapshotRefresh"] = "00:00:01",
        ["Calls:PromptsFolder"] = Path.Combine(dataDir, "prompts"),
        ["Calls:SnapshotFile"] = Path.Combine(dataDir, "routing-snapshot.json"),
        ["Calls:Records:SpoolPath"] = Path.Combine(dataDir, "spool", "call-records.jsonl"),
    };

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private sealed class Factory(Dictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseUrls("http://127.0.0.1:0");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
