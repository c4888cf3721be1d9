using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Rtp;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Dtmf;

/// <summary>
/// VMS sends 20 ms packets, but peers may send 10, 30, 40 or 60 ms (and change mid-call): every DTMF path on the
/// receive side must give the same digits whatever the packet size.
/// </summary>
public class PacketSizeDtmfTests
{
    private const string Digits = "159#0";

    /// <summary>Packet sizes in samples; "mixed" changes size mid-call.</summary>
    public static TheoryData<string> Schedules() => ["80", "160", "240", "320", "480", "mixed"];

    [Theory]
    [MemberData(nameof(Schedules))]
    public void ToneDetector_AnyPacketSize_SameDigits(string schedule)
    {
        var detector = new DtmfToneDetector();
        var got = new List<char>();
        detector.DigitDetected += got.Add;
        var audio = KeyPresses(Digits, G711Law.Ulaw);
        var decoded = new short[480];
        foreach (var packet in Packetize(audio, schedule))
        {
            G711.Decode(G711Law.Ulaw, packet, decoded.AsSpan(0, packet.Length));
            detector.Process(decoded.AsSpan(0, packet.Length));
        }

        Assert.Equal(Digits, new string([.. got]));
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public async Task CollectDigitsAsync_InBandTonesAnyPacketSize_AllDigits(string schedule)
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        Assert.True(session.AcceptOffer(MediaRig.OfferFrom(30000, "8")).IsAccepted); // no telephone-event: tones
        var collect = session.CollectDigitsAsync(new DtmfCollectOptions { MaxDigits = 4, Terminator = '#' });
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
        foreach (var packet in Packetize(KeyPresses(Digits, G711Law.Alaw), schedule))
        {
            peer.SendAudio(to, packet);
        }

        Assert.Equal(new DtmfCollectResult("159", DtmfCollectStatus.Terminator), await collect);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(240)]
    [InlineData(320)]
    [InlineData(480)]
    public async Task CollectDigitsAsync_EventsEveryPacketTime_EachDigitOnce(int step)
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        Assert.True(session.AcceptOffer(MediaRig.OfferFrom(30000, "8 101")).IsAccepted);
        var collect = session.CollectDigitsAsync(new DtmfCollectOptions { MaxDigits = 5 });
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
        var sender = new DtmfEventSender { Step = step };
        var packet = new byte[16];
        ushort seq = 7;
        uint ts = 9000;
        foreach (var digit in "73A*9")
        {
            Assert.True(sender.Start(digit, TimeSpan.FromMilliseconds(180)));
            while (sender.Next(packet.AsSpan(12), out var marker, out var offset))
            {
                RtpHeader.WriteFixed(packet, marker, 101, seq++, ts + offset, peer.Ssrc);
                peer.SendRawPacket(packet, to);
            }

            ts += 8 * 300;
        }

        Assert.Equal(new DtmfCollectResult("73A*9", DtmfCollectStatus.MaxDigits), await collect);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(160)]
    [InlineData(240)]
    [InlineData(480)]
    public void ToneOverlay_EndLost_ToneStopsAfter500MsWhateverThePacketSize(int size)
    {
        var overlay = new DtmfToneOverlay();
        overlay.OnEvent(1000, [5, 10, 0, 160]);
        var payload = new byte[size];
        var samples = 0;
        while (overlay.IsActive)
        {
            overlay.Overwrite(payload, G711Law.Alaw);
            samples += size;
        }

        Assert.InRange(samples, 4000, 4000 + size - 1);
    }

    internal static byte[] KeyPresses(string digits, G711Law law)
    {
        var linear = new List<short>();
        foreach (var d in digits)
        {
            linear.AddRange(DtmfToneDetectorTests.Tone(d, 100, 6000));
            linear.AddRange(new short[800]);
        }

        var codes = new byte[linear.Count];
        G711.Encode(law, [.. linear], codes);
        return codes;
    }

    internal static IEnumerable<byte[]> Packetize(byte[] audio, string schedule)
    {
        int[] sizes = schedule == "mixed" ? [160, 160, 480, 240, 80, 80, 320, 160, 480] : [int.Parse(schedule, System.Globalization.CultureInfo.InvariantCulture)];
        var offset = 0;
        for (var i = 0; offset < audio.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], audio.Length - offset);
            yield return audio[offset..(offset + size)];
            offset += size;
        }
    }
}
