using System.Globalization;
using Vms.Interop.Tests.Infrastructure;
using Vms.Interop.Tests.Sip;
using Vms.Server.Features.Calls;

namespace Vms.Interop.Tests.Calls;

/// <summary>Kamailio's dispatcher (deploy/kamailio/dispatcher-multi-node.cfg) in front of two VMS nodes routing real calls.</summary>
public sealed class KamailioDispatcherCallsTests
{
    private const string Number = "+3222001001";

    private const string Tree = """
    { "root": "office", "nodes": [
      { "id": "office", "type": "forward", "number": "+32470000001", "ringTimeoutSeconds": 10, "default": "away" },
      { "id": "away", "type": "reject", "reason": "unavailable" } ] }
    """;

    private static StandaloneCallNode Node(int gatewayPort, int rtpBase)
    {
        var options = new StandaloneCallNodeOptions
        {
            SipPort = FreePort.UdpAndTcp(),
            Gateway = "sip:127.0.0.1:" + gatewayPort.ToString(CultureInfo.InvariantCulture),
            RtpMinPort = rtpBase,
            RtpMaxPort = rtpBase + 999,
        };
        options.Trees[Number] = (Guid.NewGuid(), Tree);
        return StandaloneCallNode.Start(options);
    }

    [Fact]
    public async Task Dispatcher_TwoNodes_ProbesThemAndSpreadsCallsThatTheirTreesForward()
    {
        using var kamFolder = new TempFolder();
        using var sippFolder = new TempFolder();
        const int Calls = 10;
        var uasPort = FreePort.UdpAndTcp();
        await using var uas = Sipp.Start(sippFolder, uasPort, ["-sn", "uas", "-m", Calls.ToString(CultureInfo.InvariantCulture), "-timeout", "90", "-timeout_error"]);
        await using var nodeA = Node(uasPort, 45000);
        await using var nodeB = Node(uasPort, 46000);
        var kamPort = FreePort.UdpAndTcp();
        var list = Path.Combine(kamFolder.Path, "dispatcher.list");
        await File.WriteAllTextAsync(list, $"1 sip:127.0.0.1:{nodeA.SipPort} 0 0\n1 sip:127.0.0.1:{nodeB.SipPort} 0 0\n");
        await using var kamailio = await Kamailio.StartAsync(kamFolder, "dispatcher-multi-node.cfg", kamPort, new Dictionary<string, string> { ["LIST"] = list });
        await Task.Delay(TimeSpan.FromSeconds(2)); // two OPTIONS rounds: both nodes active

        await using var uac = Sipp.Start(sippFolder, FreePort.UdpAndTcp(),
            ["-sn", "uac", "-s", Number, "-m", Calls.ToString(CultureInfo.InvariantCulture), "-r", "5", "-d", "300", "-timeout", "60", "-timeout_error",
             "127.0.0.1:" + kamPort.ToString(CultureInfo.InvariantCulture)]);
        var exit = await uac.WaitForExitAsync(TimeSpan.FromSeconds(70));

        Assert.True(exit == 0, $"SIPp exit {exit}\n{Sipp.Describe(uac, sippFolder)}\n{kamailio.Output}");
        IReadOnlyList<Vms.Server.Features.Calls.Records.CallRecordData> a = [], b = [];
        for (var i = 0; i < 100 && a.Count + b.Count < Calls; i++)
        {
            // The last records are written when VMS has seen the last BYEs, just after SIPp ends.
            await Task.Delay(100);
            a = await nodeA.RecordsAsync();
            b = await nodeB.RecordsAsync();
        }

        Assert.Equal(Calls, a.Count + b.Count);
        Assert.NotEmpty(a);
        Assert.NotEmpty(b);
        Assert.All(a.Concat(b), r => Assert.Equal("answered", r.Outcome));
    }
}
