using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vms.Interop.Tests.Infrastructure;
using Vms.Media;
using Vms.Media.Dtmf;
using Vms.Media.Playback;
using Vms.Media.Sdp;
using Vms.Media.Wav;

namespace Vms.Interop.Tests.Media;

/// <summary>
/// baresip (Debian) calls VMS media: VMS plays a 1 kHz prompt, baresip records what it hears (sndfile
/// module) and sends DTMF keys typed on its UDP console (cons module); VMS must collect the digits and
/// baresip's recording must hold the tone.
/// </summary>
public class BaresipMediaTests
{
    [Fact]
    [Trait("peer", "baresip")]
    public async Task Baresip_HearsPromptAndSendsDigits_VmsCollectsAndRecordingHasTone()
    {
        var baresipPath = Tools.Require("baresip", "baresip");
        using var folder = new TempFolder();
        var rtpBase = FreePort.UdpAndTcp();
        using var engine = new MediaEngine(new MediaEngineOptions { MinPort = rtpBase + 2, MaxPort = rtpBase + 41 });
        var created = engine.CreateSession();
        Assert.True(created.IsSuccess, created.Error);
        await using var session = created.Session!;
        Task<PlayResult>? play = null;
        Task<DtmfCollectResult>? collect = null;
        await using var uas = new MiniSipUas(offer =>
        {
            // Tests only ever send to loopback: refuse an offer that points anywhere else.
            var parsed = SdpParser.Parse(offer).Description;
            if (parsed?.Media.Count is not > 0 || parsed.ConnectionFor(parsed.Media[0])?.IpAddress is not { } ip || !IPAddress.IsLoopback(ip))
            {
                return null;
            }

            var result = session.AcceptOffer(offer);
            if (!result.IsAccepted)
            {
                return null;
            }

            play = session.PlayAsync(Prompt.Tone("1k", 1000, TimeSpan.FromSeconds(3)));
            collect = session.CollectDigitsAsync(new DtmfCollectOptions { MaxDigits = 3, FirstDigitTimeout = TimeSpan.FromSeconds(20) });
            return SdpWriter.Write(result.LocalDescription!);
        });

        var sipPort = FreePort.UdpAndTcp();
        var consPort = FreePort.UdpAndTcp();
        WriteConfig(folder.Path, sipPort, consPort);
        await using var baresip = ExternalProcess.Start(baresipPath, ["-f", folder.Path, "-e", $"/dial sip:vms@127.0.0.1:{uas.Port}"], folder.Path);
        var invited = await Task.WhenAny(uas.Invited, Task.Delay(TimeSpan.FromSeconds(15)));
        Assert.True(invited == uas.Invited, "baresip did not call:\n" + baresip.Output);
        Assert.NotNull(play);
        await Task.Delay(TimeSpan.FromSeconds(1)); // let the call settle (ACK, media start)
        using (var console = new UdpClient())
        {
            // baresip's console has no key release: a key's event lasts until the next key, so a fourth key ends '3'.
            foreach (var key in "1234")
            {
                await console.SendAsync(Encoding.ASCII.GetBytes(key.ToString()), new IPEndPoint(IPAddress.Loopback, consPort));
                await Task.Delay(TimeSpan.FromMilliseconds(400));
            }
        }

        var digits = await collect!.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(digits.Digits == "123", $"digits {digits}\n{baresip.Output}");
        await play!.WaitAsync(TimeSpan.FromSeconds(10));
        await uas.SendByeAsync(); // baresip closes the call and its sndfile dumps (headers written)
        await Task.Delay(TimeSpan.FromSeconds(1));
        baresip.Kill();
        await baresip.WaitForExitAsync(TimeSpan.FromSeconds(5));

        var dumps = Directory.GetFiles(folder.Path, "dump-*dec*.wav");
        Assert.True(dumps.Length == 1, "no decoder dump from baresip:\n" + string.Join("\n", Directory.GetFiles(folder.Path)) + "\n" + baresip.Output);
        var wav = WavReader.ReadFile(dumps[0]);
        Assert.True(wav.IsSuccess, wav.Error);
        var pcm = wav.File!.ToMonoPcm16();
        var rate = wav.File.Format.SampleRate;
        Assert.True(pcm.Length > rate, $"recording too short: {pcm.Length} samples at {rate} Hz");
        var window = pcm.AsSpan(pcm.Length / 4, Math.Min(rate, pcm.Length / 2)).ToArray();
        var tone = Power(window, 1000, rate);
        var elsewhere = Power(window, 700, rate) + Power(window, 1400, rate);
        Assert.True(tone > 100 * elsewhere, $"1 kHz power {tone:E2} vs {elsewhere:E2}");
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
            "module\t\t\tsndfile.so",
            "module\t\t\tcons.so",
            "module_app\t\tmenu.so",
            $"cons_listen\t\t127.0.0.1:{consPort}",
            $"snd_path\t\t{folder}",
            "rtp_timeout\t\t0",
            string.Empty);
        File.WriteAllText(Path.Combine(folder, "config"), config);
        File.WriteAllText(Path.Combine(folder, "accounts"), "<sip:tester@127.0.0.1>;regint=0\n");
        File.WriteAllText(Path.Combine(folder, "contacts"), string.Empty);
        _ = CultureInfo.InvariantCulture;
    }

    private static double Power(short[] x, double frequency, int rate)
    {
        var c = 2 * Math.Cos(2 * Math.PI * frequency / rate);
        double s1 = 0, s2 = 0;
        foreach (var v in x)
        {
            var s0 = v + (c * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        return (s1 * s1) + (s2 * s2) - (c * s1 * s2);
    }
}
