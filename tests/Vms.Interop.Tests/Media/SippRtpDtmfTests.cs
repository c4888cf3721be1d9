using System.Globalization;
using System.Net;
using Vms.Interop.Tests.Infrastructure;
using Vms.Media;
using Vms.Media.Dtmf;
using Vms.Media.Sdp;
using Vms.Media.Wav;

namespace Vms.Interop.Tests.Media;

/// <summary>SIPp calls VMS media and plays RFC 4733 events from pcaps (pcap_play); VMS must collect the digits.</summary>
public class SippRtpDtmfTests
{
    [Fact]
    [Trait("peer", "sipp")]
    public async Task SippPcapPlay_Rfc4733Digits_CollectedByMediaSession()
    {
        var sippPath = Tools.Require("sipp", "sip-tester");
        using var folder = new TempFolder();
        var pcaps = Path.Combine(SharedTestData(), "rfc4733-dtmf", "sipp-pcap");
        foreach (var digit in new[] { "4", "2", "pound" })
        {
            File.Copy(Path.Combine(pcaps, $"dtmf_2833_{digit}.pcap"), Path.Combine(folder.Path, $"dtmf_2833_{digit}.pcap"));
        }

        await File.WriteAllTextAsync(Path.Combine(folder.Path, "dtmf.xml"), Scenario(["dtmf_2833_4.pcap", "dtmf_2833_2.pcap", "dtmf_2833_pound.pcap"]));
        var rtpBase = FreePort.UdpAndTcp();
        using var engine = new MediaEngine(new MediaEngineOptions { MinPort = rtpBase + 2, MaxPort = rtpBase + 41 });
        var created = engine.CreateSession();
        Assert.True(created.IsSuccess, created.Error);
        await using var session = created.Session!;
        Task<DtmfCollectResult>? collect = null;
        await using var uas = new MiniSipUas(offer =>
        {
            var result = session.AcceptOffer(offer);
            if (!result.IsAccepted)
            {
                return null;
            }

            collect = session.CollectDigitsAsync(new DtmfCollectOptions { MaxDigits = 5, Terminator = '#', FirstDigitTimeout = TimeSpan.FromSeconds(20) });
            return SdpWriter.Write(result.LocalDescription!);
        });

        var sipPort = FreePort.UdpAndTcp();
        var mediaPort = FreePort.UdpAndTcp() & ~1;
        await using var sipp = ExternalProcess.Start(sippPath, [
            "-sf", "dtmf.xml", "-i", "127.0.0.1", "-p", sipPort.ToString(CultureInfo.InvariantCulture),
            "-mp", mediaPort.ToString(CultureInfo.InvariantCulture), "-m", "1", "-nostdin", "-trace_err", "-timeout", "30s",
            $"127.0.0.1:{uas.Port}"], folder.Path);
        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(40));
        Assert.True(exit == 0, $"sipp exited {exit}\n{sipp.Output}\n{string.Join("\n", uas.Log)}");
        Assert.NotNull(collect);
        var digits = await collect!.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new DtmfCollectResult("42", DtmfCollectStatus.Terminator), digits);
        Assert.Equal(IPAddress.Loopback, session.RemoteEndPoint!.Address);
    }

    [Fact]
    [Trait("peer", "sipp")]
    public async Task SippPcapPlay_G711aStream_RecordedBitExactInWav()
    {
        var sippPath = Tools.Require("sipp", "sip-tester");
        using var folder = new TempFolder();
        var pcap = Path.Combine(SharedTestData(), "g711", "rtp-pcap", "g711a.pcap");
        File.Copy(pcap, Path.Combine(folder.Path, "g711a.pcap"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "audio.xml"), Scenario(["g711a.pcap"], 8000));
        var rtpBase = FreePort.UdpAndTcp();
        using var engine = new MediaEngine(new MediaEngineOptions { MinPort = rtpBase + 2, MaxPort = rtpBase + 41 });
        var created = engine.CreateSession();
        Assert.True(created.IsSuccess, created.Error);
        await using var session = created.Session!;
        var recordingPath = Path.Combine(folder.Path, "recording.wav");
        Vms.Media.Recording.CallRecorder? recorder = null;
        await using var uas = new MiniSipUas(offer =>
        {
            var result = session.AcceptOffer(offer);
            recorder = session.StartRecording(recordingPath, new Vms.Media.Recording.RecordingOptions { Law = Vms.Media.Codecs.G711Law.Alaw, Latency = TimeSpan.FromMilliseconds(500) });
            return result.IsAccepted ? SdpWriter.Write(result.LocalDescription!) : null;
        });
        var sipPort = FreePort.UdpAndTcp();
        var mediaPort = FreePort.UdpAndTcp() & ~1;
        await using var sipp = ExternalProcess.Start(sippPath, [
            "-sf", "audio.xml", "-i", "127.0.0.1", "-p", sipPort.ToString(CultureInfo.InvariantCulture),
            "-mp", mediaPort.ToString(CultureInfo.InvariantCulture), "-m", "1", "-nostdin", "-trace_err", "-timeout", "40s",
            $"127.0.0.1:{uas.Port}"], folder.Path);
        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(50));
        Assert.True(exit == 0, $"sipp exited {exit}\n{sipp.Output}");
        Assert.NotNull(recorder);
        var result = await recorder!.StopAsync();
        Assert.Equal(0, result.LatePackets);
        var wav = WavReader.ReadFile(recordingPath);
        Assert.True(wav.IsSuccess, wav.Error);
        var recorded = wav.File!.Data.ToArray();
        var expected = PcapPayloads(File.ReadAllBytes(pcap));
        Assert.Equal(56640, expected.Length);
        Assert.True(recorded.AsSpan().IndexOf(expected) >= 0, $"the 7.08 s of A-law from the pcap are not found contiguous in the {recorded.Length}-byte recording");
        Assert.Equal(0, session.GetStatistics().PacketsLost);
    }

    private static byte[] PcapPayloads(byte[] file)
    {
        var payloads = new List<byte>();
        var offset = 24;
        while (offset + 16 <= file.Length)
        {
            var captured = BitConverter.ToInt32(file, offset + 8);
            var frame = file.AsSpan(offset + 16, captured);
            offset += 16 + captured;
            var ihl = (frame[14] & 0x0F) * 4;
            var udp = frame[(14 + ihl)..];
            var rtp = udp[8..((udp[4] << 8) | udp[5])];
            payloads.AddRange(rtp[12..].ToArray());
        }

        return [.. payloads];
    }

    private static string Scenario(string[] pcaps, int pauseMilliseconds = 600)
    {
        var plays = string.Concat(pcaps.Select(p => $"""
              <nop><action><exec play_pcap_audio="{p}"/></action></nop>
              <pause milliseconds="{pauseMilliseconds}"/>

            """));
        return $$"""
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="vms media dtmf">
              <send retrans="500"><![CDATA[
            INVITE sip:vms@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
            To: vms <sip:vms@[remote_ip]:[remote_port]>
            Call-ID: [call_id]
            CSeq: 1 INVITE
            Contact: sip:sipp@[local_ip]:[local_port]
            Max-Forwards: 70
            Content-Type: application/sdp
            Content-Length: [len]

            v=0
            o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
            s=-
            c=IN IP[media_ip_type] [media_ip]
            t=0 0
            m=audio [media_port] RTP/AVP 8 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15

              ]]></send>
              <recv response="100" optional="true"/>
              <recv response="200" rtd="true"/>
              <send><![CDATA[
            ACK sip:vms@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
            To: vms <sip:vms@[remote_ip]:[remote_port]>[peer_tag_param]
            Call-ID: [call_id]
            CSeq: 1 ACK
            Max-Forwards: 70
            Content-Length: 0

              ]]></send>
            {{plays}}
              <send retrans="500"><![CDATA[
            BYE sip:vms@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
            To: vms <sip:vms@[remote_ip]:[remote_port]>[peer_tag_param]
            Call-ID: [call_id]
            CSeq: 2 BYE
            Max-Forwards: 70
            Content-Length: 0

              ]]></send>
              <recv response="200"/>
            </scenario>
            """;
    }

    private static string SharedTestData() =>
        Environment.GetEnvironmentVariable("VMS_TESTDATA") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Tools.RepositoryRoot(), "..", "shared", "testdata");
}
