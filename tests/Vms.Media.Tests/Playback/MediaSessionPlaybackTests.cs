using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Playback;
using Vms.Media.Rtp;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Playback;

public class MediaSessionPlaybackTests
{
    [Fact]
    public async Task PlayAsync_100MsPrompt_FivePacketsPacedByClockThenCompleted()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        Assert.True(session.AcceptOffer(MediaRig.OfferFrom(30000)).IsAccepted);
        var play = session.PlayAsync(Prompt.Tone("t", 1000, TimeSpan.FromMilliseconds(100)));
        rig.Ticks(5);
        Assert.Equal(5, peer.Received.Count);
        Assert.False(play.IsCompleted);
        rig.Ticks(1);
        var result = await play;
        Assert.Equal((PlayStatus.Completed, TimeSpan.FromMilliseconds(100)), (result.Status, result.Played));
        var headers = peer.Rtp.Select(r => r.Header).ToList();
        Assert.All(headers, h => Assert.Equal((8, 172 - 12), (h.PayloadType, h.PayloadLength)));
        Assert.True(headers[0].Marker);
        Assert.All(headers.Skip(1), h => Assert.False(h.Marker));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (ushort)(headers[0].SequenceNumber + i)), headers.Select(h => h.SequenceNumber));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => headers[0].Timestamp + (uint)(160 * i)), headers.Select(h => h.Timestamp));
        Assert.Single(headers.Select(h => h.Ssrc).Distinct());
    }

    [Fact]
    public async Task PlayAsync_PayloadIsCachedAlawEncoding()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000, "0"));
        var prompt = Prompt.Tone("t", 1000, TimeSpan.FromMilliseconds(40));
        _ = session.PlayAsync(prompt);
        rig.Ticks(2);
        var sent = peer.Rtp.SelectMany(r => r.Header.GetPayload(r.Packet).ToArray()).ToArray();
        Assert.Equal(prompt.GetEncoded(G711Law.Ulaw).ToArray(), sent);
    }

    [Fact]
    public async Task PlayAsync_BargeInOnDtmf_StopsWithDigitAndKeepsItAsTypeAhead()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var play = session.PlayAsync(Prompt.Tone("long", 440, TimeSpan.FromSeconds(10)), bargeIn: true);
        rig.Ticks(10);
        peer.SendDigit(new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort), '7');
        var result = await play;
        Assert.Equal((PlayStatus.BargedIn, (char?)'7'), (result.Status, result.BargeInDigit));
        var sentBefore = peer.Received.Count;
        rig.Ticks(5);
        Assert.Equal(sentBefore, peer.Received.Count);
        var digits = await session.CollectDigitsAsync(new DtmfCollectOptions { MaxDigits = 1 });
        Assert.Equal("7", digits.Digits);
    }

    [Fact]
    public async Task PlayAsync_WithoutBargeIn_DtmfDoesNotStop()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var play = session.PlayAsync(Prompt.Tone("t", 440, TimeSpan.FromMilliseconds(200)));
        peer.SendDigit(new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort), '1');
        rig.Ticks(11);
        Assert.Equal(PlayStatus.Completed, (await play).Status);
    }

    [Fact]
    public async Task PlayAsync_Cancelled_CompletesCancelled()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        using var cts = new CancellationTokenSource();
        var play = session.PlayAsync(Prompt.Tone("t", 440, TimeSpan.FromSeconds(1)), cancellationToken: cts.Token);
        await cts.CancelAsync();
        Assert.Equal(PlayStatus.Cancelled, (await play).Status);
    }

    [Fact]
    public async Task PlayAsync_SecondPrompt_ReplacesFirst()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var first = session.PlayAsync(Prompt.Tone("a", 440, TimeSpan.FromSeconds(1)));
        var second = session.PlayAsync(Prompt.Tone("b", 440, TimeSpan.FromMilliseconds(20)));
        Assert.Equal(PlayStatus.Stopped, (await first).Status);
        rig.Ticks(2);
        Assert.Equal(PlayStatus.Completed, (await second).Status);
    }

    [Fact]
    public async Task PlayAsync_BeforeNegotiation_SessionEnded()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        Assert.Equal(PlayStatus.SessionEnded, (await session.PlayAsync(Prompt.Tone("a", 440, TimeSpan.FromSeconds(1)))).Status);
    }

    [Fact]
    public async Task DisposeAsync_WhilePlaying_CompletesSessionEndedAndReleasesPorts()
    {
        using var rig = new MediaRig();
        var session = rig.NewSession();
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var play = session.PlayAsync(Prompt.Tone("a", 440, TimeSpan.FromSeconds(1)));
        await session.DisposeAsync();
        Assert.Equal(PlayStatus.SessionEnded, (await play).Status);
        Assert.Equal(0, rig.Engine.Ports.InUse);
        Assert.Equal(0, rig.Network.BoundCount);
        Assert.Equal(0, rig.Engine.Clock.ListenerCount);
    }

    [Fact]
    public async Task OnDatagram_PeerBehindNat_MediaSentToLatchedSource()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var nat = rig.NewPeer(31000);
        session.AcceptOffer(MediaRig.OfferFrom(30000)); // SDP says 30000, packets come from 31000
        nat.SendAudio(new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort), new byte[160]);
        _ = session.PlayAsync(Prompt.Tone("t", 1000, TimeSpan.FromMilliseconds(40)));
        rig.Ticks(2);
        Assert.Equal(2, nat.Received.Count);
        Assert.Equal(nat.EndPoint, session.RemoteEndPoint);
    }

    [Fact]
    public async Task SendDigits_Rfc4733_PeerDecodesSameDigits()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        Assert.True(session.SendDigits("12#"));
        rig.Ticks(40);
        var receiver = new DtmfEventReceiver();
        var got = new List<char>();
        receiver.DigitEnded += e => got.Add(e.Digit);
        foreach (var (h, p) in peer.Rtp.Where(r => r.Header.PayloadType == 101))
        {
            receiver.Receive(h, h.GetPayload(p), 0);
        }

        Assert.Equal("12#", new string([.. got]));
    }

    [Fact]
    public async Task GetStatistics_PeerSendsWithGap_CountsLoss()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
        for (var i = 0; i < 20; i++)
        {
            if (i == 10)
            {
                peer.SkipPacket(160); // lost on the way
                continue;
            }

            peer.SendAudio(to, new byte[160]);
        }

        var stats = session.GetStatistics();
        Assert.Equal((19L, 1L, 0L), (stats.PacketsReceived, stats.PacketsLost, stats.PacketsRefused));
    }

    [Fact]
    public async Task OnDatagram_Garbage_RefusedNotThrown()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        using var stranger = rig.Network.Bind(new IPEndPoint(IPAddress.Loopback, 30500));
        stranger.Send([1, 2, 3], new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort));
        Assert.Equal(1, session.GetStatistics().PacketsRefused);
        _ = RtpParseStatus.Ok;
    }

    [Fact]
    public async Task OnDatagram_UnknownPayloadTypeFromStranger_DoesNotMoveLatch()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        using var stranger = rig.NewPeer(30600);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
        stranger.SendAudio(to, new byte[160], pt: 96);
        Assert.Equal(peer.EndPoint, session.RemoteEndPoint);
        Assert.Equal(1, session.GetStatistics().PacketsRefused);
    }
}
