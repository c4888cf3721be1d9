using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vms.Interop.Tests.Infrastructure;
using Vms.Media.Wav;
using Vms.Server.Features.Calls;

namespace Vms.Interop.Tests.Calls;

/// <summary>baresip (Debian) calls a number whose published tree is a menu and presses a key; VMS follows the branch.</summary>
public sealed class BaresipMenuTests
{
    private const string Number = "+3222001001";

    private const string Tree = """
    { "root": "menu", "nodes": [
      { "id": "menu", "type": "menu", "prompt": "welcome", "timeoutSeconds": 15, "maxRepeats": 0, "onTimeout": "bye", "onInvalid": "bye",
        "options": [ { "digit": "1", "next": "sales" }, { "digit": "2", "next": "bye" } ] },
      { "id": "sales", "type": "announcement", "prompt": "sales" },
      { "id": "bye", "type": "reject", "reason": "unavailable" } ] }
    """;

    [Fact]
    [Trait("peer", "baresip")]
    public async Task Baresip_PressesOneInMenu_VmsTakesOptionOneAndHangsUp()
    {
        var baresipPath = Tools.Require("baresip", "baresip");
        using var folder = new TempFolder();
        var options = new StandaloneCallNodeOptions { SipPort = FreePort.UdpAndTcp(), RtpMinPort = 43000, RtpMaxPort = 43199 };
        options.Trees[Number] = (Guid.NewGuid(), Tree);
        await using var node = StandaloneCallNode.Start(options);
        var consPort = FreePort.UdpAndTcp();
        WriteConfig(folder.Path, FreePort.UdpAndTcp(), consPort);

        await using var baresip = ExternalProcess.Start(baresipPath,
            ["-f", folder.Path, "-e", $"/dial sip:{Number}@127.0.0.1:{node.SipPort.ToString(CultureInfo.InvariantCulture)}"], folder.Path);
        for (var i = 0; i < 150 && node.CallsInProgress == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(node.CallsInProgress == 1, "baresip did not reach VMS:\n" + baresip.Output);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // answered, menu prompt playing
        using (var console = new UdpClient())
        {
            // baresip's console has no key release: a key's event lasts until the next key, so '#' ends the '1'.
            foreach (var key in "1#")
            {
                await console.SendAsync(Encoding.ASCII.GetBytes(key.ToString()), new IPEndPoint(IPAddress.Loopback, consPort));
                await Task.Delay(TimeSpan.FromMilliseconds(400));
            }
        }

        IReadOnlyList<Vms.Server.Features.Calls.Records.CallRecordData> records = [];
        for (var i = 0; i < 150 && records.Count == 0; i++)
        {
            await Task.Delay(100);
            records = await node.RecordsAsync();
        }

        var record = Assert.Single(records);
        Assert.True(record.RouteTrace.Contains("key '1'", StringComparison.Ordinal), record.RouteTrace + "\n" + baresip.Output);
        Assert.Contains("'sales'", record.RouteTrace, StringComparison.Ordinal);
        Assert.Equal("announcement", record.Outcome);
        Assert.Equal(200, record.SipStatus);
    }

    private static void WriteConfig(string folder, int sipPort, int consPort)
    {
        var silence = Path.Combine(folder, "silence.wav");
        using (var writer = new WavWriter(File.Create(silence), WavFormat.Pcm16Mono(8000)))
        {
            writer.Write(new byte[8000 * 2 * 10]);
        }

        var config = string.Join('\n',
            "poll_method\t\tepoll",
            "net_interface\t\t127.0.0.1",
            $"sip_listen\t\t127.0.0.1:{sipPort}",
            "audio_player\t\taubridge,vms",
            $"audio_source\t\taufile,{silence}",
            "audio_alert\t\taubridge,vms",
            "module_path\t\t/usr/lib/baresip/modules",
            "module\t\t\tg711.so",
            "module\t\t\taccount.so",
            "module\t\t\taufile.so",
            "module\t\t\taubridge.so",
            "module\t\t\tcons.so",
            "module_app\t\tmenu.so",
            $"cons_listen\t\t127.0.0.1:{consPort}",
            "rtp_timeout\t\t0",
            string.Empty);
        File.WriteAllText(Path.Combine(folder, "config"), config);
        File.WriteAllText(Path.Combine(folder, "accounts"), "<sip:+32475000001@127.0.0.1>;regint=0\n");
        File.WriteAllText(Path.Combine(folder, "contacts"), string.Empty);
    }
}
