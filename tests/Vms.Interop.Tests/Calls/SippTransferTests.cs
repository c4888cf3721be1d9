using System.Globalization;
using Vms.Interop.Tests.Infrastructure;
using Vms.Interop.Tests.Sip;
using Vms.Server.Features.Calls;

namespace Vms.Interop.Tests.Calls;

/// <summary>
/// Blind transfer (RFC 3515) through a real VMS node over UDP: SIPp calls a number, the tree forwards to a SIPp
/// destination that answers and REFERs the call to a second SIPp destination; VMS answers 202, NOTIFYs 100 then 200,
/// dials the target, bridges the caller to it and hangs up the transferor with BYE.
/// </summary>
[Trait("rfc", "3515")]
public sealed class SippTransferTests
{
    private const string Number = "+3222001003";
    private static readonly Guid Customer = Guid.Parse("55555555-5555-5555-5555-555555555555");

    private const string Tree = """
    { "root": "office", "nodes": [
      { "id": "office", "type": "forward", "number": "+32470000001", "ringTimeoutSeconds": 10, "onBusy": "away", "onNoAnswer": "away", "onFailed": "away" },
      { "id": "away", "type": "reject", "reason": "unavailable" } ] }
    """;

    private static string Port(int port) => "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task DestinationRefers_CallerBridgedToTargetAndTransferorGetsBye()
    {
        using var folder = new TempFolder();
        var targetPort = FreePort.UdpAndTcp();
        var transferorPort = FreePort.UdpAndTcp();
        await using var target = Sipp.Start(folder, targetPort, ["-sn", "uas", "-m", "1", "-timeout", "60", "-timeout_error"]);
        var transferorXml = TransferScenarios.UasTransferor.Replace("@TARGET@", "sip:+32470000002@" + Port(targetPort), StringComparison.Ordinal);
        await using var transferor = Sipp.Start(folder, transferorPort,
            ["-sf", CallScenarios.Write(folder.Path, "uas_transferor.xml", transferorXml), "-m", "1", "-timeout", "60", "-timeout_error"]);
        var options = new StandaloneCallNodeOptions
        {
            SipPort = FreePort.UdpAndTcp(),
            Gateway = "sip:" + Port(transferorPort),
            RtpMinPort = 45400,
            RtpMaxPort = 45499,
            TransferToSipUris = true,
        };
        options.Trees[Number] = (Customer, Tree);
        await using var node = StandaloneCallNode.Start(options);

        // The caller stays 3 s on the line (enough for the transfer), then hangs up: the BYE reaches whoever it is bridged to.
        await using var caller = Sipp.Start(folder, FreePort.UdpAndTcp(),
            ["-sn", "uac", "-s", Number, "-m", "1", "-d", "3000", "-timeout", "60", "-timeout_error", Port(node.SipPort)]);
        var callerExit = await caller.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var transferorExit = await transferor.WaitForExitAsync(TimeSpan.FromSeconds(20));
        var targetExit = await target.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.True(callerExit == 0, $"SIPp caller exit {callerExit}\n" + Sipp.Describe(caller, folder));
        Assert.True(transferorExit == 0, $"SIPp transferor exit {transferorExit} (202, NOTIFY 100/200, BYE expected)\n" + Sipp.Describe(transferor, folder));
        Assert.True(targetExit == 0, $"SIPp target exit {targetExit} (the caller's BYE expected)\n" + Sipp.Describe(target, folder));
        var record = Assert.Single(await WaitForRecordsAsync(node, 1));
        Assert.Equal("answered", record.Outcome);
        Assert.Equal("caller", record.EndedBy);
        Assert.Collection(record.Legs,
            l => Assert.Equal(("+32470000001", "transferred"), (l.Destination, l.Outcome)),
            l => Assert.Equal(("sip:+32470000002@" + Port(targetPort), "answered"), (l.Destination, l.Outcome)));
        var ladder = string.Join("\n", node.Ladder(record.SipCallId));
        Assert.Contains("← REFER", ladder, StringComparison.Ordinal);
        Assert.Contains("→ SIP/2.0 202", ladder, StringComparison.Ordinal);
        Assert.Contains("→ NOTIFY", ladder, StringComparison.Ordinal);
        Assert.Contains("→ INVITE sip:+32470000002@", ladder, StringComparison.Ordinal);
        Assert.Equal(0, node.CallsInProgress);
    }

    [Fact]
    public async Task CallerRefers_DestinationBridgedToTargetAndCallerGetsBye()
    {
        using var folder = new TempFolder();
        var targetPort = FreePort.UdpAndTcp();
        var destinationPort = FreePort.UdpAndTcp();
        await using var target = Sipp.Start(folder, targetPort,
            ["-sf", CallScenarios.Write(folder.Path, "uas_hangs_up.xml", TransferScenarios.UasAnswersThenHangsUp), "-m", "1", "-timeout", "60", "-timeout_error"]);
        await using var destination = Sipp.Start(folder, destinationPort, ["-sn", "uas", "-m", "1", "-timeout", "60", "-timeout_error"]);
        var options = new StandaloneCallNodeOptions
        {
            SipPort = FreePort.UdpAndTcp(),
            Gateway = "sip:" + Port(destinationPort),
            RtpMinPort = 45500,
            RtpMaxPort = 45599,
            TransferToSipUris = true,
        };
        options.Trees[Number] = (Customer, Tree);
        await using var node = StandaloneCallNode.Start(options);

        var callerXml = TransferScenarios.UacTransferor.Replace("@TARGET@", "sip:+32470000002@" + Port(targetPort), StringComparison.Ordinal);
        await using var caller = Sipp.Start(folder, FreePort.UdpAndTcp(),
            ["-sf", CallScenarios.Write(folder.Path, "uac_transferor.xml", callerXml), "-s", Number, "-m", "1", "-timeout", "60", "-timeout_error", Port(node.SipPort)]);
        var callerExit = await caller.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var targetExit = await target.WaitForExitAsync(TimeSpan.FromSeconds(20));
        var destinationExit = await destination.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.True(callerExit == 0, $"SIPp transferring caller exit {callerExit} (202, NOTIFY 100/200, BYE expected)\n" + Sipp.Describe(caller, folder));
        Assert.True(targetExit == 0, $"SIPp target exit {targetExit}\n" + Sipp.Describe(target, folder));
        Assert.True(destinationExit == 0, $"SIPp destination exit {destinationExit} (the target's BYE relayed expected)\n" + Sipp.Describe(destination, folder));
        var record = Assert.Single(await WaitForRecordsAsync(node, 1));
        Assert.Equal("answered", record.Outcome);
        Assert.Equal(2, record.Legs.Count);
        Assert.Equal(("sip:+32470000002@" + Port(targetPort), "answered"), (record.Legs[1].Destination, record.Legs[1].Outcome));
        Assert.Equal(0, node.CallsInProgress);
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
