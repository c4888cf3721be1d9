using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vms.Data.Routing;
using Vms.NetSim;
using Vms.Server.Features.Calls;
using Vms.Server.Features.Calls.Records;
using Vms.Server.Features.Calls.Routing;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;
using Vms.Sip;

namespace Vms.Server.Tests.Calls;

/// <summary>
/// The whole server in-process: a tree published in the database routes a real SIP call (UDP on loopback) placed
/// by the network simulator, which also answers as the destination; the record lands in the database and the
/// API shows the counters and the call's SIP ladder to the right people only.
/// </summary>
public sealed class CallsEndToEndTests
{
    private const string Tree = """
    { "root": "office", "nodes": [
      { "id": "office", "type": "forward", "number": "+32470000001", "ringTimeoutSeconds": 15, "default": "sorry" },
      { "id": "sorry", "type": "announcement", "prompt": "sorry" } ] }
    """;

    [Fact]
    [Trait("kind", "integration")]
    public async Task PublishedTree_RoutesRealSipCall_RecordCountersAndLadder()
    {
        var netSimPort = FreeUdpPort();
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Calls:Trunks:Gateway"] = $"sip:127.0.0.1:{netSimPort}",
            ["Calls:RtpMinPort"] = "37000",
            ["Calls:RtpMaxPort"] = "37199",
        });
        var alpha = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", [], "+3222101010", "admin@alpha.test");
        var beta = await Scenario.CustomerAsync(app, "Beta NV", "Classic", [], "+3222202020", "admin@beta.test");
        await PublishAsync(app, alpha.CustomerId, alpha.Number);
        var vmsPort = app.Services.GetRequiredService<SipEndpoint>().Transports[0].LocalEndPoint.Port;

        var options = new NetSimOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, netSimPort),
            Vms = new IPEndPoint(IPAddress.Loopback, vmsPort),
            RtpMinPort = 37400,
            RtpMaxPort = 37499,
            DefaultBehaviour = PhoneBehaviour.Answering(0),
        };
        await using var sim = new NetworkSimulator(options);
        sim.Start();
        var result = await sim.PlaceCallAsync("+32475000001", alpha.Number, TimeSpan.FromSeconds(1));

        Assert.True(result.Answered, $"{result.FinalStatus} {result.Reason}\n" + string.Join("\n", sim.RecentEvents));
        Assert.Equal(1, sim.CallsReceived);
        var record = await WaitForRecordAsync(app, alpha.CustomerId);
        Assert.Equal("answered", record.Outcome);
        Assert.Contains("forward to +32470000001", record.RouteTrace, StringComparison.Ordinal);

        var op = Http.WithToken(app, await Scenario.TokenAsync(app, (await Scenario.OperatorAsync(app)).UserId));
        var live = await Http.JsonAsync(await op.GetAsync("/api/calls/live"));
        Assert.Contains(live.GetProperty("numbers").EnumerateArray(), n => n.GetProperty("number").GetString() == alpha.Number && n.GetProperty("answered").GetInt64() == 1);
        var ladder = await Http.JsonAsync(await op.GetAsync($"/api/calls/{Uri.EscapeDataString(result.CallId)}/ladder"));
        var lines = ladder.EnumerateArray().Select(m => m.GetProperty("firstLine").GetString()!).ToList();
        Assert.Contains(lines, l => l.StartsWith("INVITE sip:" + alpha.Number, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("INVITE sip:+32470000001@", StringComparison.Ordinal));
        Assert.Contains(ladder.EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains("Via:", StringComparison.Ordinal));

        var alphaClient = Http.WithToken(app, await Scenario.TokenAsync(app, alpha.AdminUserId));
        var own = await Http.JsonAsync(await alphaClient.GetAsync($"/api/calls/{Uri.EscapeDataString(result.CallId)}/ladder"));
        Assert.All(own.EnumerateArray(), m => Assert.Equal(JsonValueKindNull, m.GetProperty("text").ValueKind));
        var betaClient = Http.WithToken(app, await Scenario.TokenAsync(app, beta.AdminUserId));
        Assert.Equal(HttpStatusCode.NotFound, (await betaClient.GetAsync($"/api/calls/{Uri.EscapeDataString(result.CallId)}/ladder")).StatusCode);
        var betaLive = await Http.JsonAsync(await betaClient.GetAsync("/api/calls/live"));
        Assert.Empty(betaLive.GetProperty("numbers").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsJsonAsync("/api/calls/test", new TestCallRequest("+32475000001", alpha.Number))).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

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

    private static async Task<Vms.Data.Calls.CallRecord> WaitForRecordAsync(VmsApp app, Guid customerId)
    {
        for (var i = 0; i < 100; i++)
        {
            app.Clock.Advance(new CallRecordWriterOptions().BatchDelay); // the writer gathers records for this long
            await using var context = app.Services.GetRequiredService<VmsDb>().ForSystem();
            if (await context.CallRecords.FirstOrDefaultAsync(c => c.CustomerId == customerId) is { } record)
            {
                return record;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("no call record was written");
    }

    private static int FreeUdpPort()
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
