using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vms.Data.Routing;
using Vms.NetSim;
using Vms.Server.Features.Calls.Counters;
using Vms.Server.Features.Calls.Routing;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;
using Vms.Sip;

namespace Vms.Server.Tests.Calls.Metrics;

/// <summary>
/// The whole server in-process and a real SIP call over loopback UDP (the network simulator calls and answers):
/// the Prometheus counters and the setup-delay histogram count the call although /metrics was never scraped before.
/// </summary>
public sealed class CallMetricsEndToEndTests
{
    private const string Number = "+3222303030";
    private const string Tree = """
    { "root": "office", "nodes": [
      { "id": "office", "type": "forward", "number": "+32470000001", "ringTimeoutSeconds": 15, "default": "sorry" },
      { "id": "sorry", "type": "announcement", "prompt": "sorry" } ] }
    """;

    [Fact]
    [Trait("kind", "integration")]
    public async Task AnsweredCall_BeforeFirstScrape_CountedOnMetricsWithOneSetupDelay()
    {
        var netSimPort = FreeUdpPort();
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Calls:Trunks:Gateway"] = $"sip:127.0.0.1:{netSimPort}",
            ["Calls:RtpMinPort"] = "37600",
            ["Calls:RtpMaxPort"] = "37799",
        });
        var customer = await Scenario.CustomerAsync(app, "Metrics NV", "Classic", [], Number, "admin@metrics.test");
        await PublishAsync(app, customer.CustomerId, customer.Number);
        var counters = app.Services.GetRequiredService<LiveCallCounters>();
        var delays = new List<double>();
        using var listener = SetupDelayTrackerTests.Listen(counters.Meter, delays);
        var vmsPort = app.Services.GetRequiredService<SipEndpoint>().Transports[0].LocalEndPoint.Port;

        await using var sim = new NetworkSimulator(new NetSimOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, netSimPort),
            Vms = new IPEndPoint(IPAddress.Loopback, vmsPort),
            RtpMinPort = 37800,
            RtpMaxPort = 37899,
            DefaultBehaviour = PhoneBehaviour.Answering(0),
        });
        sim.Start();
        var result = await sim.PlaceCallAsync("+32475000002", Number, TimeSpan.FromMilliseconds(200));
        Assert.True(result.Answered, $"{result.FinalStatus} {result.Reason}\n" + string.Join("\n", sim.RecentEvents));
        await WaitAsync(() => counters.ActiveTotal == 0);

        var metrics = await app.NewClient().GetStringAsync("/metrics");

        var labels = $"customer=\"{customer.CustomerId}\",number=\"{Number}\"";
        Assert.Equal(1, Value(metrics, "vms_calls_started", labels));
        Assert.Equal(1, Value(metrics, "vms_calls_ended", labels + ",outcome=\"answered\""));
        Assert.Equal(0, Value(metrics, "vms_calls_active", labels));
        Assert.True(Value(metrics, "vms_calls_setup_delay_seconds_count", null) >= 1, "the histogram is on /metrics with this call in it");
        Assert.Contains("vms_calls_setup_delay_seconds_bucket{le=\"0.0005\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("vms_calls_setup_delay_seconds_bucket{le=\"1\"}", metrics, StringComparison.Ordinal);
        var delay = Assert.Single(delays); // this node measured exactly this call's setup, once
        Assert.InRange(delay, 0, 1);
    }

    /// <summary>The value of one series ("name{labels} value"); labels null for a series without labels.</summary>
    private static double Value(string metrics, string name, string? labels)
    {
        var pattern = "^" + Regex.Escape(name) + (labels is null ? "" : Regex.Escape("{" + labels + "}")) + @" (\S+)$";
        var match = Regex.Match(metrics, pattern, RegexOptions.Multiline);
        Assert.True(match.Success, $"no series {name}{{{labels}}} on /metrics:\n" + string.Join("\n", metrics.Split('\n').Where(l => l.StartsWith("vms_calls", StringComparison.Ordinal))));
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task PublishAsync(VmsApp app, Guid customerId, string number)
    {
        var now = app.Clock.GetUtcNow();
        await using (var context = app.Services.GetRequiredService<VmsDb>().ForSystem())
        {
            var numberId = await context.Numbers.Where(n => n.E164 == number).Select(n => n.Id).SingleAsync();
            var tree = new RoutingTree { Id = Guid.NewGuid(), CustomerId = customerId, Name = "Office" };
            context.RoutingTrees.Add(tree);
            context.RoutingTreeVersions.Add(new RoutingTreeVersion { Id = Guid.NewGuid(), TreeId = tree.Id, VersionNumber = 1, State = RoutingTreeVersionState.Published, Json = Tree, CreatedBy = "test", CreatedAt = now, PublishedAt = now });
            context.NumberPlanAssignments.Add(new NumberPlanAssignment { NumberId = numberId, PlanKind = PlanKind.Normal, TreeId = tree.Id, IsActive = true });
            await context.SaveChangesAsync();
        }

        await ((DatabaseSnapshotProvider)app.Services.GetRequiredService<IRoutingSnapshotProvider>()).RefreshAsync(CancellationToken.None);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "the call did not end on the node");
    }

    private static int FreeUdpPort()
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
