using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Rtp;

/// <summary>
/// The relay (owned by the relay/recording work, used here through its public API) with a source leg that sends
/// 10, 30, 40 or 60 ms packets or changes size mid-call: packets pass through whole, with the target stream's
/// timestamps advancing by exactly the audio each packet holds.
/// </summary>
public class PacketSizeRelayTests
{
    [Theory]
    [InlineData("80")]
    [InlineData("240")]
    [InlineData("320")]
    [InlineData("480")]
    [InlineData("160,480,240,80,320")]
    public async Task Bridge_SourceWithOtherPacketSizes_ForwardedWholeWithContinuousTimestamps(string schedule)
    {
        using var rig = new MediaRig();
        var a = rig.NewSession();
        var b = rig.NewSession();
        await using var sessionA = a;
        await using var sessionB = b;
        using var peerA = rig.NewPeer(30000);
        using var peerB = rig.NewPeer(31000);
        Assert.True(a.AcceptOffer(MediaRig.OfferFrom(30000, "8 101")).IsAccepted);
        Assert.True(b.AcceptOffer(MediaRig.OfferFrom(31000, "8 101")).IsAccepted);
        using var bridge = a.Bridge(b);
        var sizes = schedule.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var audio = Media.Playback.Prompt.Tone("t", 600, TimeSpan.FromSeconds(2)).GetEncoded(G711Law.Alaw).ToArray();
        var sent = new List<byte[]>();
        var offset = 0;
        for (var i = 0; offset + sizes[i % sizes.Length] <= audio.Length; i++)
        {
            var payload = audio[offset..(offset + sizes[i % sizes.Length])];
            peerA.SendAudio(new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort), payload);
            sent.Add(payload);
            offset += payload.Length;
            rig.Time.Advance(TimeSpan.FromMilliseconds(payload.Length / 8.0));
        }

        var got = peerB.Rtp.Where(r => r.Header.PayloadType == 8).ToList();
        Assert.Equal(sent.Count, got.Count);
        for (var i = 0; i < got.Count; i++)
        {
            Assert.Equal(sent[i], got[i].Header.GetPayload(got[i].Packet).ToArray());
            if (i > 0)
            {
                Assert.Equal(sent[i - 1].Length, (int)(got[i].Header.Timestamp - got[i - 1].Header.Timestamp));
                Assert.Equal((ushort)(got[i - 1].Header.SequenceNumber + 1), got[i].Header.SequenceNumber);
            }
        }
    }

    [Fact]
    public async Task Bridge_NewSourceAfter60msPackets_NeverStepsBackInTime()
    {
        using var rig = new MediaRig();
        var a = rig.NewSession();
        var b = rig.NewSession();
        await using var sessionA = a;
        await using var sessionB = b;
        using var peerA = rig.NewPeer(30000);
        using var peerB = rig.NewPeer(31000);
        Assert.True(a.AcceptOffer(MediaRig.OfferFrom(30000, "8 101")).IsAccepted);
        Assert.True(b.AcceptOffer(MediaRig.OfferFrom(31000, "8 101")).IsAccepted);
        using var bridge = a.Bridge(b);
        var to = new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort);
        for (var i = 0; i < 3; i++)
        {
            peerA.SendAudio(to, new byte[480]);
            rig.Time.Advance(TimeSpan.FromMilliseconds(20)); // a burst: sent faster than the audio it holds
        }

        peerA.Ssrc = 0x1234; // a transfer: another source on the same leg
        peerA.SendAudio(to, new byte[160]);

        var got = peerB.Rtp.Where(r => r.Header.PayloadType == 8).ToList();
        Assert.Equal(4, got.Count);
        var lastEnd = got[2].Header.Timestamp + 480u;
        Assert.True((int)(got[3].Header.Timestamp - lastEnd) >= 0, $"new source at {got[3].Header.Timestamp}, previous packet ends at {lastEnd}");
        Assert.True(got[3].Header.Marker);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(240)]
    [InlineData(480)]
    public async Task Bridge_EventsToLegWithoutTelephoneEvent_OneToneWhateverThePacketSize(int size)
    {
        using var rig = new MediaRig();
        var a = rig.NewSession();
        var b = rig.NewSession();
        await using var sessionA = a;
        await using var sessionB = b;
        using var peerA = rig.NewPeer(30000);
        using var peerB = rig.NewPeer(31000);
        Assert.True(a.AcceptOffer(MediaRig.OfferFrom(30000, "8 101")).IsAccepted);
        Assert.True(b.AcceptOffer(MediaRig.OfferFrom(31000, "8")).IsAccepted);
        using var bridge = a.Bridge(b, new Media.Relay.BridgeOptions { PassDtmf = true });
        var to = new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort);
        var silence = Enumerable.Repeat(G711.AlawSilence, size).ToArray();
        var eventPacket = new byte[16];
        ushort seq = 500;
        for (var i = 0; i < 5; i++)
        {
            peerA.SendAudio(to, silence);
        }

        // Key '4' for 200 ms, event updates at the audio packet rate, end packets lost: the tone must stop by itself.
        const uint start = 777_000;
        for (var elapsed = 0; elapsed < 1600; elapsed += size)
        {
            Media.Rtp.RtpHeader.WriteFixed(eventPacket, elapsed == 0, 101, seq++, start, 42);
            new TelephoneEventPayload(4, false, 10, (ushort)elapsed).Write(eventPacket.AsSpan(12));
            peerA.SendRawPacket(eventPacket, to);
            peerA.SendAudio(to, silence);
        }

        for (var i = 0; i < 12000 / size; i++)
        {
            peerA.SendAudio(to, silence);
        }

        var detector = new DtmfToneDetector();
        var heard = new List<char>();
        detector.DigitDetected += heard.Add;
        var toneSamples = 0;
        foreach (var (h, p) in peerB.Rtp)
        {
            var pcm = new short[h.PayloadLength];
            G711.Decode(G711Law.Alaw, h.GetPayload(p), pcm);
            toneSamples += pcm.Count(s => Math.Abs(s) > 1000) > pcm.Length / 4 ? pcm.Length : 0;
            detector.Process(pcm);
        }

        Assert.Equal(['4'], heard);
        Assert.InRange(toneSamples, 1600 + 4000 - size, 1600 + 4000 + size); // the press, then 500 ms without updates
    }
}
