using System.Globalization;
using Vms.Interop.Tests.Infrastructure;
using Vms.Sip.Messages;
using Vms.Sip.Uris;

namespace Vms.Interop.Tests.Sip;

/// <summary>VMS with Kamailio in the path: record-routing proxy, and dispatcher probing VMS with OPTIONS.</summary>
public sealed class KamailioInteropTests
{
    [Fact]
    public async Task VmsUac_ThroughRecordRoutingKamailio_ToSippUas_DialogRoutedViaProxy()
    {
        using var kamFolder = new TempFolder();
        using var sippFolder = new TempFolder();
        var kamPort = FreePort.UdpAndTcp();
        var sippPort = FreePort.UdpAndTcp();
        await using var kamailio = await Kamailio.StartAsync(kamFolder, "proxy.cfg.template", kamPort,
            new Dictionary<string, string> { ["TARGET"] = "127.0.0.1:" + sippPort.ToString(CultureInfo.InvariantCulture) });
        await using var sipp = Sipp.Start(sippFolder, sippPort, ["-sf", Sipp.ScenarioPath("uas_rr.xml"), "-t", "u1", "-m", "2", "-timeout", "60", "-timeout_error"]);
        await using var vms = new VmsPeer(FreePort.UdpAndTcp(), answer: false);

        for (var i = 0; i < 2; i++)
        {
            var uri = SipUri.Parse($"sip:service@127.0.0.1:{sippPort}");
            var invite = vms.Endpoint.CreateRequest(SipMethods.Invite, uri, NameAddress.Parse("<sip:vms@127.0.0.1>"), new NameAddress(uri));
            invite.Headers.Add(HeaderKind.Route, $"<sip:127.0.0.1:{kamPort};lr>");
            invite.Headers.Add(HeaderKind.ContentType, "application/sdp");
            invite.Body = VmsPeer.Sdp;

            var result = await vms.Endpoint.InviteAsync(invite);

            Assert.True(result.IsAnswered, $"{result.Response.StatusCode}\n{Sipp.Describe(sipp, sippFolder)}\n{kamailio.Output}");
            var route = Assert.Single(result.Dialog!.RouteSet);
            Assert.Equal(kamPort, route.Uri.Port);
            Assert.True(route.Uri.IsLooseRouting);
            Assert.Equal(200, (await result.Dialog.ByeAsync()).StatusCode);
        }

        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"SIPp exit {exit}\n" + Sipp.Describe(sipp, sippFolder));
    }

    [Fact]
    public async Task KamailioDispatcher_ProbesVmsWithOptions_ThenRoutesSippCallsToVms()
    {
        using var kamFolder = new TempFolder();
        using var sippFolder = new TempFolder();
        await using var vms = new VmsPeer(FreePort.UdpAndTcp());
        var kamPort = FreePort.UdpAndTcp();
        var list = Path.Combine(kamFolder.Path, "dispatcher.list");
        await File.WriteAllTextAsync(list, $"1 sip:127.0.0.1:{vms.Port} 0 0\n");
        await using var kamailio = await Kamailio.StartAsync(kamFolder, "dispatcher.cfg.template", kamPort, new Dictionary<string, string> { ["LIST"] = list });

        for (var i = 0; i < 50 && vms.Endpoint.Statistics.RequestsReceived == 0; i++)
        {
            await Task.Delay(200);
        }

        Assert.True(vms.Endpoint.Statistics.RequestsReceived > 0, "Kamailio never probed VMS with OPTIONS\n" + kamailio.Output);
        await using var sipp = Sipp.Start(sippFolder, FreePort.UdpAndTcp(),
            ["-sn", "uac", "-t", "u1", "-m", "5", "-r", "5", "-d", "100", "-timeout", "60", "-timeout_error", "-s", "vms", "127.0.0.1:" + kamPort.ToString(CultureInfo.InvariantCulture)]);
        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(70));

        Assert.True(exit == 0, $"SIPp exit {exit}\n{Sipp.Describe(sipp, sippFolder)}\n{kamailio.Output}");
        Assert.Equal(5, vms.Answered);
        Assert.Equal(5, vms.Byes);
    }
}
