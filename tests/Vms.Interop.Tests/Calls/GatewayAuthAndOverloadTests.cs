using System.Globalization;
using Vms.Interop.Tests.Infrastructure;
using Vms.Interop.Tests.Sip;
using Vms.Server.Features.Calls;

namespace Vms.Interop.Tests.Calls;

/// <summary>
/// Through a real VMS node over UDP: the outbound gateway (SIPp) challenges with 407 and verifies VMS's digest; a node
/// at its maximum of concurrent calls refuses the next INVITE with 503 and Retry-After.
/// </summary>
public sealed class GatewayAuthAndOverloadTests
{
    private const string Number = "+3222001002";
    private static readonly Guid Customer = Guid.Parse("44444444-4444-4444-4444-444444444444");

    private const string Tree = """
    { "root": "office", "nodes": [
      { "id": "office", "type": "forward", "number": "+32470000001", "ringTimeoutSeconds": 5, "onBusy": "away", "onNoAnswer": "away", "onFailed": "away" },
      { "id": "away", "type": "reject", "reason": "unavailable" } ] }
    """;

    private static string Port(int port) => "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(401)]
    [InlineData(407)]
    public async Task SippGatewayChallenges_VmsResendsWithCredentials_CallAnswered(int challenge)
    {
        using var folder = new TempFolder();
        var gatewayPort = FreePort.UdpAndTcp();
        await using var gateway = Sipp.Start(folder, gatewayPort,
            ["-sf", CallScenarios.Write(folder.Path, "uas_gateway.xml", challenge == 401 ? GuardScenarios.UasGateway401 : GuardScenarios.UasGateway407), "-m", "2", "-timeout", "60", "-timeout_error"]);
        var options = new StandaloneCallNodeOptions
        {
            SipPort = FreePort.UdpAndTcp(),
            Gateway = "sip:" + Port(gatewayPort),
            GatewayUsername = "vms",
            GatewayPassword = "s3cret",
            RtpMinPort = 45000,
            RtpMaxPort = 45199,
        };
        options.Trees[Number] = (Customer, Tree);
        await using var node = StandaloneCallNode.Start(options);

        await using var uac = Sipp.Start(folder, FreePort.UdpAndTcp(),
            ["-sn", "uac", "-s", Number, "-m", "2", "-r", "2", "-d", "300", "-timeout", "60", "-timeout_error", Port(node.SipPort)]);
        var exit = await uac.WaitForExitAsync(TimeSpan.FromSeconds(70));
        var gatewayExit = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.True(exit == 0, $"SIPp caller exit {exit}\n" + Sipp.Describe(uac, folder) + "\n" + Sipp.Describe(gateway, folder));
        Assert.True(gatewayExit == 0, $"SIPp gateway exit {gatewayExit}\n" + Sipp.Describe(gateway, folder));
        var records = await WaitForRecordsAsync(node, 2);
        Assert.All(records, r =>
        {
            Assert.Equal("answered", r.Outcome);
            Assert.Equal(200, Assert.Single(r.Legs).SipStatus);
        });
        var ladder = string.Join("\n", node.Ladder(records[0].SipCallId));
        Assert.Contains("← SIP/2.0 " + challenge.ToString(CultureInfo.InvariantCulture), ladder, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeAtMaximumCalls_NextInvite503WithRetryAfter()
    {
        using var folder = new TempFolder();
        var gatewayPort = FreePort.UdpAndTcp();
        await using var gateway = Sipp.Start(folder, gatewayPort,
            ["-sf", CallScenarios.Write(folder.Path, "uas_noanswer.xml", CallScenarios.UasNoAnswer), "-m", "1", "-timeout", "60", "-timeout_error"]);
        var options = new StandaloneCallNodeOptions
        {
            SipPort = FreePort.UdpAndTcp(),
            Gateway = "sip:" + Port(gatewayPort),
            RtpMinPort = 45200,
            RtpMaxPort = 45299,
            MaxConcurrentCalls = 1,
            OverloadRetryAfterSeconds = 7,
        };
        options.Trees[Number] = (Customer, Tree);
        await using var node = StandaloneCallNode.Start(options);

        var first = CallScenarios.Write(folder.Path, "uac_480.xml", CallScenarios.UacExpectingError.Replace("@CODE@", "480", StringComparison.Ordinal));
        await using var ringing = Sipp.Start(folder, FreePort.UdpAndTcp(), ["-sf", first, "-s", Number, "-m", "1", "-timeout", "60", "-timeout_error", Port(node.SipPort)]);
        for (var i = 0; i < 100 && node.CallsInProgress == 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, node.CallsInProgress);
        var second = CallScenarios.Write(folder.Path, "uac_503.xml", GuardScenarios.Uac503WithRetryAfter);
        await using var refused = Sipp.Start(folder, FreePort.UdpAndTcp(), ["-sf", second, "-s", Number, "-m", "1", "-timeout", "30", "-timeout_error", Port(node.SipPort)]);
        var refusedExit = await refused.WaitForExitAsync(TimeSpan.FromSeconds(40));
        var ringingExit = await ringing.WaitForExitAsync(TimeSpan.FromSeconds(40));

        Assert.True(refusedExit == 0, $"SIPp refused caller exit {refusedExit}\n" + Sipp.Describe(refused, folder));
        Assert.True(ringingExit == 0, $"SIPp first caller exit {ringingExit}\n" + Sipp.Describe(ringing, folder));
        Assert.Equal(1, node.OverloadRefusals);
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
