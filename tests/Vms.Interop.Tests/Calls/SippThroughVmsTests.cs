using System.Globalization;
using Vms.Interop.Tests.Infrastructure;
using Vms.Interop.Tests.Sip;
using Vms.Server.Features.Calls;

namespace Vms.Interop.Tests.Calls;

/// <summary>
/// A customer's published tree routes real SIP calls: SIPp calls a number of VMS over UDP on loopback, VMS runs the
/// tree and forwards to SIPp as the destination (answering, busy, not answering) through the outbound gateway.
/// </summary>
public sealed class SippThroughVmsTests
{
    private const string Number = "+3222001001";
    private static readonly Guid Customer = Guid.Parse("33333333-3333-3333-3333-333333333333");

    private const string Tree = """
    { "root": "office", "nodes": [
      { "id": "office", "type": "forward", "number": "+32470000001", "ringTimeoutSeconds": 5, "onBusy": "busy", "onNoAnswer": "away", "onFailed": "away" },
      { "id": "busy", "type": "reject", "reason": "busy" },
      { "id": "away", "type": "reject", "reason": "unavailable" } ] }
    """;

    private static StandaloneCallNode StartNode(int gatewayPort)
    {
        var options = new StandaloneCallNodeOptions
        {
            SipPort = FreePort.UdpAndTcp(),
            Gateway = "sip:127.0.0.1:" + gatewayPort.ToString(CultureInfo.InvariantCulture),
            RtpMinPort = 44000,
            RtpMaxPort = 44999,
        };
        options.Trees[Number] = (Customer, Tree);
        return StandaloneCallNode.Start(options);
    }

    private static string Port(int port) => "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task SippCaller_TreeForwardsToSippUas_CallsAnsweredAndRecorded()
    {
        using var folder = new TempFolder();
        var uasPort = FreePort.UdpAndTcp();
        await using var uas = Sipp.Start(folder, uasPort, ["-sn", "uas", "-m", "5", "-timeout", "60", "-timeout_error"]);
        await using var node = StartNode(uasPort);

        await using var uac = Sipp.Start(folder, FreePort.UdpAndTcp(),
            ["-sn", "uac", "-s", Number, "-m", "5", "-r", "5", "-d", "500", "-timeout", "60", "-timeout_error", Port(node.SipPort)]);
        var exit = await uac.WaitForExitAsync(TimeSpan.FromSeconds(70));
        var uasExit = await uas.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.True(exit == 0, $"SIPp caller exit {exit}\n" + Sipp.Describe(uac, folder));
        Assert.True(uasExit == 0, $"SIPp destination exit {uasExit}\n" + Sipp.Describe(uas, folder));
        var records = await WaitForRecordsAsync(node, 5);
        Assert.All(records, r =>
        {
            Assert.Equal("answered", r.Outcome);
            Assert.Equal(Customer, r.CustomerId);
            var leg = Assert.Single(r.Legs);
            Assert.Equal("+32470000001", leg.Destination);
            Assert.Equal(200, leg.SipStatus);
        });
        var ladder = node.Ladder(records[0].SipCallId);
        Assert.Contains(ladder, l => l.StartsWith("← INVITE", StringComparison.Ordinal));
        Assert.Contains(ladder, l => l.StartsWith("→ INVITE sip:+32470000001@", StringComparison.Ordinal));
        Assert.Equal(0, node.CallsInProgress);
    }

    [Fact]
    public async Task SippCaller_DestinationBusy_TreeTakesBusyBranch486()
    {
        using var folder = new TempFolder();
        var uasPort = FreePort.UdpAndTcp();
        await using var uas = Sipp.Start(folder, uasPort, ["-sf", CallScenarios.Write(folder.Path, "uas_busy.xml", CallScenarios.UasBusy), "-m", "3", "-timeout", "60", "-timeout_error"]);
        await using var node = StartNode(uasPort);

        var scenario = CallScenarios.Write(folder.Path, "uac_486.xml", CallScenarios.UacExpectingError.Replace("@CODE@", "486", StringComparison.Ordinal));
        await using var uac = Sipp.Start(folder, FreePort.UdpAndTcp(), ["-sf", scenario, "-s", Number, "-m", "3", "-r", "3", "-timeout", "60", "-timeout_error", Port(node.SipPort)]);
        var exit = await uac.WaitForExitAsync(TimeSpan.FromSeconds(70));

        Assert.True(exit == 0, $"SIPp caller exit {exit}\n" + Sipp.Describe(uac, folder) + "\n" + Sipp.Describe(uas, folder));
        var records = await WaitForRecordsAsync(node, 3);
        Assert.All(records, r =>
        {
            Assert.Equal("busy", r.Outcome);
            Assert.Equal(486, r.SipStatus);
            Assert.Equal("busy", Assert.Single(r.Legs).Outcome);
            Assert.Contains("busy →", r.RouteTrace, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SippCaller_DestinationDoesNotAnswer_CancelAfterRingTimeoutThen480()
    {
        using var folder = new TempFolder();
        var uasPort = FreePort.UdpAndTcp();
        await using var uas = Sipp.Start(folder, uasPort, ["-sf", CallScenarios.Write(folder.Path, "uas_noanswer.xml", CallScenarios.UasNoAnswer), "-m", "2", "-timeout", "60", "-timeout_error"]);
        await using var node = StartNode(uasPort);

        var scenario = CallScenarios.Write(folder.Path, "uac_480.xml", CallScenarios.UacExpectingError.Replace("@CODE@", "480", StringComparison.Ordinal));
        await using var uac = Sipp.Start(folder, FreePort.UdpAndTcp(), ["-sf", scenario, "-s", Number, "-m", "2", "-r", "2", "-timeout", "60", "-timeout_error", Port(node.SipPort)]);
        var exit = await uac.WaitForExitAsync(TimeSpan.FromSeconds(70));
        var uasExit = await uas.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.True(exit == 0, $"SIPp caller exit {exit}\n" + Sipp.Describe(uac, folder));
        Assert.True(uasExit == 0, $"SIPp destination exit {uasExit} (it expects VMS's CANCEL)\n" + Sipp.Describe(uas, folder));
        var records = await WaitForRecordsAsync(node, 2);
        Assert.All(records, r =>
        {
            Assert.Equal("no-answer", Assert.Single(r.Legs).Outcome);
            Assert.Equal(480, r.SipStatus);
            Assert.InRange((r.Legs[0].EndedAt - r.Legs[0].SetupAt).TotalSeconds, 4.5, 8);
        });
    }

    [Fact]
    public async Task SippCaller_UnknownNumber_404()
    {
        using var folder = new TempFolder();
        await using var node = StartNode(FreePort.UdpAndTcp());

        var scenario = CallScenarios.Write(folder.Path, "uac_404.xml", CallScenarios.UacExpectingError.Replace("@CODE@", "404", StringComparison.Ordinal));
        await using var uac = Sipp.Start(folder, FreePort.UdpAndTcp(), ["-sf", scenario, "-s", "+3299999999", "-m", "1", "-timeout", "30", "-timeout_error", Port(node.SipPort)]);
        var exit = await uac.WaitForExitAsync(TimeSpan.FromSeconds(40));

        Assert.True(exit == 0, $"SIPp caller exit {exit}\n" + Sipp.Describe(uac, folder));
    }

    private static async Task<IReadOnlyList<Vms.Server.Features.Calls.Records.CallRecordData>> WaitForRecordsAsync(StandaloneCallNode node, int count)
    {
        for (var i = 0; i < 100; i++)
        {
            var records = await node.RecordsAsync();
            if (records.Count >= count)
            {
                return records;
            }

            await Task.Delay(100);
        }

        return await node.RecordsAsync();
    }
}
