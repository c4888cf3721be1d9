using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Playback;
using Vms.Media.Relay;
using Vms.Media.Rtp;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Rtp;

/// <summary>
/// What we originate toward a peer whose a=maxptime is below 20 (NegotiatedMedia.SendPtime 10): prompt audio,
/// RFC 4733 events and relayed 20 ms packets all leave as 10 ms (80-sample) packets with continuous sequence
/// numbers and timestamps; a peer without maxptime still gets 20 ms packets.
/// </summary>
[Trait("rfc", "4566")]
public class MaxptimeSendTests
{
    private const string Maxptime10 = "a=maxptime:10\r\n";

    [Fact]
    public async Task PlayAsync_PeerMaxptime10_80SamplePacketsContinuousAndSamePayload()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        Assert.Equal(10, session.AcceptOffer(MediaRig.OfferFrom(30000, extra: Maxptime10)).Media!.SendPtime);
        var prompt = Prompt.Tone("t", 1000, TimeSpan.FromMilliseconds(100));

        var play = session.PlayAsync(prompt);
        rig.Ticks(6);

        Assert.Equal(PlayStatus.Completed, (await play).Status);
        var got = peer.Rtp.ToList();
        Assert.Equal(10, got.Count);
        Assert.All(got, r => Assert.Equal((8, 80), (r.Header.PayloadType, r.Header.PayloadLength)));
        AssertContinuous(got.Select(r => r.Header).ToList(), 80);
        Assert.True(got[0].Header.Marker);
        Assert.All(got.Skip(1), r => Assert.False(r.Header.Marker));
        Assert.Equal(prompt.GetEncoded(G711Law.Alaw).ToArray(), got.SelectMany(r => r.Header.GetPayload(r.Packet).ToArray()).ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a=ptime:10\r\n")]
    [InlineData("a=maxptime:20\r\n")]
    public async Task PlayAsync_PeerWithoutMaxptimeBelow20_160SamplePackets(string extra)
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        Assert.Equal(20, session.AcceptOffer(MediaRig.OfferFrom(30000, extra: extra)).Media!.SendPtime);

        _ = session.PlayAsync(Prompt.Tone("t", 1000, TimeSpan.FromMilliseconds(100)));
        rig.Ticks(6);

        var headers = peer.Rtp.Select(r => r.Header).ToList();
        Assert.Equal(5, headers.Count);
        Assert.All(headers, h => Assert.Equal(160, h.PayloadLength));
        AssertContinuous(headers, 160);
    }

    [Fact]
    public async Task SendDigits_PeerMaxptime10_EventUpdatesEvery10msAndPeerDecodesOnce()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000, extra: Maxptime10));

        Assert.True(session.SendDigits("5#", TimeSpan.FromMilliseconds(100)));
        rig.Ticks(30);

        var events = peer.Rtp.Where(r => r.Header.PayloadType == 101).ToList();
        var payloads = events.Select(r => TelephoneEventPayload.TryRead(r.Header.GetPayload(r.Packet), out var p) ? p : default).ToList();
        var first = events.TakeWhile(r => r.Header.Timestamp == events[0].Header.Timestamp).Count();
        Assert.Equal(10 + 3, first); // updates 0, 80, …, 720 then the end (800) three times
        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => i * 80), 800, 800, 800], payloads.Take(first).Select(p => (int)p.Duration));
        Assert.Equal(3, payloads.Take(first).Count(p => p.End));
        Assert.Equal(2, events.Count(r => r.Header.Marker));
        Assert.Equal(events.Select((r, i) => (ushort)(events[0].Header.SequenceNumber + i)), events.Select(r => r.Header.SequenceNumber));

        // The second press starts 60 ms after the first ended, on the 10 ms grid.
        var second = events[first].Header.Timestamp - events[0].Header.Timestamp;
        Assert.Equal(0u, second % 80);
        Assert.InRange(second, 800u + 480u, 800u + 480u + 240u);

        var receiver = new DtmfEventReceiver();
        var got = new List<char>();
        receiver.DigitEnded += e => got.Add(e.Digit);
        foreach (var (h, p) in events)
        {
            receiver.Receive(h, h.GetPayload(p), 0);
        }

        Assert.Equal("5#", new string([.. got]));
    }

    [Fact]
    public void SendQueue_TenSecondPressAt10ms_SegmentsOnThe10msGrid()
    {
        const uint start = 1_000_000;
        var queue = new DtmfSendQueue();
        var stream = new RtpSender(0x11, 100, start);
        queue.Enqueue("5", TimeSpan.FromSeconds(10));
        var buffer = new byte[64];
        var packets = new List<(uint Timestamp, int Duration, bool End)>();
        for (long tick = 0; tick < 600; tick++)
        {
            for (uint at = 0; at < 160; at += 80)
            {
                var length = queue.Next(buffer, stream, 101, stream.TimestampAt(tick) + at, 80);
                if (length > 0)
                {
                    Assert.Equal(RtpParseStatus.Ok, RtpHeader.TryParse(buffer.AsSpan(0, length), out var h));
                    Assert.True(TelephoneEventPayload.TryRead(h.GetPayload(buffer.AsSpan(0, length)), out var v));
                    packets.Add((h.Timestamp, v.Duration, v.End));
                }
            }
        }

        Assert.Equal([start, start + 65520], packets.Select(p => p.Timestamp).Distinct());
        Assert.Equal(65520, packets.Where(p => p.Timestamp == start).Max(p => p.Duration));
        Assert.All(packets.Where(p => !p.End), p => Assert.Equal(0, p.Duration % 80));
        Assert.Equal((start + 65520, 80000 - 65520, true), packets[^1]);
        Assert.Equal(3, packets.Count(p => p.End));
    }

    [Fact]
    public async Task Bridge_20msSourceToMaxptime10Target_EachPacketSplitInTwo()
    {
        using var rig = new MediaRig();
        await using var a = rig.NewSession();
        await using var b = rig.NewSession();
        using var peerA = rig.NewPeer(30000);
        using var peerB = rig.NewPeer(31000);
        a.AcceptOffer(MediaRig.OfferFrom(30000, "8 101"));
        Assert.Equal(10, b.AcceptOffer(MediaRig.OfferFrom(31000, "8 101", Maxptime10)).Media!.SendPtime);
        using var bridge = a.Bridge(b);
        var to = new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort);
        var audio = Prompt.Tone("t", 700, TimeSpan.FromMilliseconds(200)).GetEncoded(G711Law.Alaw).ToArray();

        for (var i = 0; i < 10; i++)
        {
            peerA.SendAudio(to, audio.AsSpan(i * 160, 160), marker: i == 0);
            rig.Time.Advance(TimeSpan.FromMilliseconds(20));
        }

        var got = peerB.Rtp.Where(r => r.Header.PayloadType == 8).ToList();
        Assert.Equal(20, got.Count);
        Assert.All(got, r => Assert.Equal(80, r.Header.PayloadLength));
        AssertContinuous(got.Select(r => r.Header).ToList(), 80);
        Assert.True(got[0].Header.Marker);
        Assert.All(got.Skip(1), r => Assert.False(r.Header.Marker));
        Assert.Single(got.Select(r => r.Header.Ssrc).Distinct());
        Assert.Equal(audio, got.SelectMany(r => r.Header.GetPayload(r.Packet).ToArray()).ToArray());
    }

    [Fact]
    public async Task Bridge_30msSourceToMaxptime10Target_SplitIntoThreeSameCodec()
    {
        using var rig = new MediaRig();
        await using var a = rig.NewSession();
        await using var b = rig.NewSession();
        using var peerA = rig.NewPeer(30000);
        using var peerB = rig.NewPeer(31000);
        a.AcceptOffer(MediaRig.OfferFrom(30000, "0 101"));
        b.AcceptOffer(MediaRig.OfferFrom(31000, "0 101", Maxptime10));
        using var bridge = a.Bridge(b);
        var to = new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort);
        var audio = Prompt.Tone("t", 700, TimeSpan.FromMilliseconds(120)).GetEncoded(G711Law.Ulaw).ToArray();

        for (var i = 0; i < 4; i++)
        {
            peerA.SendAudio(to, audio.AsSpan(i * 240, 240), pt: 0);
        }

        var got = peerB.Rtp.ToList();
        Assert.Equal(12, got.Count);
        Assert.All(got, r => Assert.Equal((0, 80), (r.Header.PayloadType, r.Header.PayloadLength)));
        AssertContinuous(got.Select(r => r.Header).ToList(), 80);
        Assert.Equal(audio, got.SelectMany(r => r.Header.GetPayload(r.Packet).ToArray()).ToArray());
    }

    [Fact]
    public async Task Bridge_TargetWithoutMaxptime_20msPacketsForwardedWhole()
    {
        using var rig = new MediaRig();
        await using var a = rig.NewSession();
        await using var b = rig.NewSession();
        using var peerA = rig.NewPeer(30000);
        using var peerB = rig.NewPeer(31000);
        a.AcceptOffer(MediaRig.OfferFrom(30000, "8 101", Maxptime10)); // only the source leg has the limit
        b.AcceptOffer(MediaRig.OfferFrom(31000, "8 101"));
        using var bridge = a.Bridge(b);
        var to = new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort);

        for (var i = 0; i < 5; i++)
        {
            peerA.SendAudio(to, new byte[160]);
            rig.Time.Advance(TimeSpan.FromMilliseconds(20));
        }

        var headers = peerB.Rtp.Select(r => r.Header).ToList();
        Assert.Equal(5, headers.Count);
        Assert.All(headers, h => Assert.Equal(160, h.PayloadLength));
        AssertContinuous(headers, 160);
    }

    [Fact]
    public async Task Bridge_PromptThenRelayToMaxptime10Target_TimestampsNeverStepBack()
    {
        using var rig = new MediaRig();
        await using var a = rig.NewSession();
        await using var b = rig.NewSession();
        using var peerA = rig.NewPeer(30000);
        using var peerB = rig.NewPeer(31000);
        a.AcceptOffer(MediaRig.OfferFrom(30000, "8 101"));
        b.AcceptOffer(MediaRig.OfferFrom(31000, "8 101", Maxptime10));
        _ = b.PlayAsync(Prompt.Tone("t", 1000, TimeSpan.FromMilliseconds(60)));
        rig.Ticks(3);
        using var bridge = a.Bridge(b);
        peerA.SendAudio(new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort), new byte[160]);

        var headers = peerB.Rtp.Select(r => r.Header).ToList();
        Assert.Equal(8, headers.Count);
        Assert.All(headers, h => Assert.Equal(80, h.PayloadLength));
        Assert.Equal(headers.Select((h, i) => (ushort)(headers[0].SequenceNumber + i)), headers.Select(h => h.SequenceNumber));
        for (var i = 1; i < headers.Count; i++)
        {
            Assert.True((int)(headers[i].Timestamp - headers[i - 1].Timestamp) >= 80, $"packet {i} at {headers[i].Timestamp}, previous {headers[i - 1].Timestamp}");
        }

        Assert.True(headers[6].Marker); // the relay took over the stream
        Assert.False(headers[7].Marker);
        Assert.Equal(headers[6].Timestamp + 80, headers[7].Timestamp);
    }

    private static void AssertContinuous(List<RtpHeader> headers, int samples)
    {
        for (var i = 1; i < headers.Count; i++)
        {
            Assert.Equal((ushort)(headers[i - 1].SequenceNumber + 1), headers[i].SequenceNumber);
            Assert.Equal(unchecked(headers[i - 1].Timestamp + (uint)samples), headers[i].Timestamp);
        }
    }
}
