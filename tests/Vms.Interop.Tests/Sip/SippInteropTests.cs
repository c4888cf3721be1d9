using System.Globalization;
using Vms.Interop.Tests.Infrastructure;
using Vms.Sip;
using Vms.Sip.Messages;
using Vms.Sip.Uris;

namespace Vms.Interop.Tests.Sip;

/// <summary>VMS against SIPp over real loopback sockets, with SIPp's packet loss so that retransmissions are exercised.</summary>
public sealed class SippInteropTests
{
    [Theory]
    [InlineData("u1", "0")]
    [InlineData("u1", "10")]
    [InlineData("t1", "0")]
    public async Task SippUac_CallsVmsUas_AllCallsSucceed(string transport, string lossPercent)
    {
        using var folder = new TempFolder();
        await using var vms = new VmsPeer(FreePort.UdpAndTcp());
        const int Calls = 20;

        await using var sipp = Sipp.Start(folder, FreePort.UdpAndTcp(),
        [
            "-sn", "uac", "-t", transport, "-m", Calls.ToString(CultureInfo.InvariantCulture), "-r", "10", "-d", "200",
            "-lost", lossPercent, "-timeout", "90", "-timeout_error", "-max_retrans", "10", "-s", "vms",
            "127.0.0.1:" + vms.Port.ToString(CultureInfo.InvariantCulture),
        ]);
        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(100));

        Assert.True(exit == 0, $"SIPp exit {exit}\n" + Sipp.Describe(sipp, folder));
        Assert.True(vms.Answered >= Calls);
        if (lossPercent == "0")
        {
            Assert.Equal(Calls, vms.Byes);
        }
        else
        {
            // SIPp's built-in uac matches the BYE's 200 by status code alone. When both a call's ACK and its BYE are
            // lost, VMS still retransmits the INVITE's 200 (no ACK yet) and SIPp takes that for the BYE's answer, so
            // it never resends the BYE and VMS never sees it. A run with 19 BYEs showed exactly that in SIPp's
            // counters: ACK lost 1, BYE lost 3 but retransmitted only 2 times, 20 "200 to BYE" received. Both losses
            // hit one call in about a hundred at 10 %, so a run of 20 may miss one or two BYEs (seen: 19 and 18);
            // four or more would mean BYEs lost by VMS itself.
            Assert.InRange(vms.Byes, Calls - 3, Calls);
        }
    }

    [Theory]
    [InlineData("u1", "udp", "0")]
    [InlineData("u1", "udp", "10")]
    [InlineData("t1", "tcp", "0")]
    public async Task VmsUac_CallsSippUas_AnsweredAndHungUp(string transport, string uriTransport, string lossPercent)
    {
        using var folder = new TempFolder();
        await using var vms = new VmsPeer(FreePort.UdpAndTcp(), answer: false);
        var sippPort = FreePort.UdpAndTcp();
        const int Calls = 5;
        await using var sipp = Sipp.Start(folder, sippPort,
            ["-sn", "uas", "-t", transport, "-m", Calls.ToString(CultureInfo.InvariantCulture), "-lost", lossPercent, "-timeout", "90", "-timeout_error"]);

        for (var i = 0; i < Calls; i++)
        {
            var uri = SipUri.Parse($"sip:service@127.0.0.1:{sippPort};transport={uriTransport}");
            var result = await InviteWithRetryAsync(vms.Endpoint, uri);
            Assert.True(result.IsAnswered, $"call {i}: {result.Response.StatusCode} {result.Response.ReasonPhrase}\n" + Sipp.Describe(sipp, folder));
            var bye = await result.Dialog!.ByeAsync();
            Assert.Equal(200, bye.StatusCode);
        }

        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, $"SIPp exit {exit}\n" + Sipp.Describe(sipp, folder));
        Assert.Equal(0, vms.Endpoint.DialogCount);
    }

    internal static async Task<Vms.Sip.Dialogs.SipInviteResult> InviteWithRetryAsync(SipEndpoint endpoint, SipUri uri)
    {
        for (var attempt = 0; ; attempt++)
        {
            var invite = endpoint.CreateRequest(SipMethods.Invite, uri, NameAddress.Parse("<sip:vms@127.0.0.1>"), new NameAddress(uri));
            invite.Headers.Add(HeaderKind.ContentType, "application/sdp");
            invite.Body = VmsPeer.Sdp;
            var result = await endpoint.InviteAsync(invite);
            if (result.Response.StatusCode != 503 || attempt >= 20)
            {
                return result;
            }

            await Task.Delay(200);
        }
    }
}
