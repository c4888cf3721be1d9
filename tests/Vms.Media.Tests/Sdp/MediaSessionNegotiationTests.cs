using System.Text;
using Vms.Media.Playback;
using Vms.Media.Sdp;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Sdp;

[Trait("rfc", "3264")]
public class MediaSessionNegotiationTests
{
    [Fact]
    public async Task AcceptOffer_ReInviteSendonlyHold_SessionStopsSendingUntilResumed()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        _ = session.PlayAsync(Prompt.Tone("t", 1000, TimeSpan.FromSeconds(5)));
        rig.Ticks(2);
        var hold = session.AcceptOffer(MediaRig.OfferFrom(30000, extra: "a=sendonly\r\n"));
        Assert.Equal(MediaDirection.RecvOnly, hold.Media!.Direction);
        rig.Ticks(5);
        Assert.Equal(2, peer.Received.Count);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        rig.Ticks(2);
        Assert.Equal(4, peer.Received.Count);
    }

    [Fact]
    public async Task CreateOffer_ThenAcceptAnswer_MediaNegotiated()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        var offer = SdpWriter.WriteString(session.CreateOffer());
        Assert.Contains($"m=audio {session.LocalRtpPort} RTP/AVP 8 0 101", offer, StringComparison.Ordinal);
        var answer = session.AcceptAnswer(MediaRig.OfferFrom(30000, "0 101"));
        Assert.True(answer.IsAccepted, answer.Reason);
        Assert.Equal(Media.Codecs.G711Law.Ulaw, session.Media!.Codec);
    }

    [Fact]
    public async Task AcceptOffer_NoCommonCodec_488AndPreviousMediaKept()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var result = session.AcceptOffer(Encoding.ASCII.GetBytes("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 30000 RTP/AVP 18\r\n"));
        Assert.Equal(NegotiationStatus.NoCommonCodec, result.Status);
        Assert.NotNull(session.Media);
    }

    [Fact]
    public async Task CreateOffer_SessionVersionIncrements()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        var first = session.CreateOffer();
        var second = session.CreateOffer(MediaDirection.SendOnly);
        Assert.Equal(first.Origin.SessionId, second.Origin.SessionId);
        Assert.NotEqual(first.Origin.SessionVersion, second.Origin.SessionVersion);
        Assert.Equal(MediaDirection.SendOnly, second.DirectionFor(second.Media[0]));
    }

    [Fact]
    public async Task ApplyNegotiated_FromCallLayer_PlaysToThatAddressWithThatCodec()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        var media = new NegotiatedMedia(Media.Codecs.G711Law.Ulaw, 0, 101, peer.EndPoint, null, 20, MediaDirection.SendRecv);
        session.ApplyNegotiated(media);
        _ = session.PlayAsync(Prompt.Tone("t", 1000, TimeSpan.FromMilliseconds(40)));
        rig.Ticks(2);
        Assert.All(peer.Rtp, r => Assert.Equal(0, r.Header.PayloadType));
        Assert.Equal(2, peer.Received.Count);
    }
}
