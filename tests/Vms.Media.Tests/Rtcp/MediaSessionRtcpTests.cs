using System.Net;
using Vms.Media.Playback;
using Vms.Media.Rtcp;
using Vms.Media.Rtp;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Rtcp;

[Trait("rfc", "3550")]
public class MediaSessionRtcpTests
{
    [Fact]
    public async Task OnMediaTick_EveryFiveSeconds_SenderReportWithCnameToRtcpPort()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        using var peerRtcp = rig.NewPeer(30001);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
        for (var i = 0; i < 10; i++)
        {
            peer.SendAudio(to, new byte[160]);
        }

        _ = session.PlayAsync(Prompt.Tone("t", 1000, TimeSpan.FromSeconds(10)));
        rig.Ticks(251);
        var compound = Assert.Single(peerRtcp.ReceivedRtcp);
        Assert.Equal(RtpParseStatus.Ok, RtcpParser.TryParse(compound, out var packets));
        Assert.Equal(RtcpPacketType.SenderReport, packets[0].Type);
        Assert.Equal(session.Sender.Ssrc, packets[0].Ssrc);
        var block = Assert.Single(packets[0].ReportBlocks);
        Assert.Equal((peer.Ssrc, 0), (block.Ssrc, block.CumulativeLost));
        Assert.Equal(RtcpPacketType.SourceDescription, packets[1].Type);
    }

    [Fact]
    public async Task DisposeAsync_NegotiatedSession_SendsRtcpBye()
    {
        using var rig = new MediaRig();
        var session = rig.NewSession();
        using var peerRtcp = rig.NewPeer(30001);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        await session.DisposeAsync();
        Assert.Equal(RtpParseStatus.Ok, RtcpParser.TryParse(Assert.Single(peerRtcp.ReceivedRtcp), out var packets));
        Assert.Equal([session.Sender.Ssrc], packets.Single(p => p.Type == RtcpPacketType.Bye).ByeSources);
    }

    [Fact]
    public async Task OnDatagram_PeerReceiverReportAboutUs_FractionLostExposed()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peerRtcp = rig.NewPeer(30001);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var buffer = new byte[64];
        var n = RtcpWriter.WriteReceiverReport(buffer, 9, [new RtcpReportBlock(session.Sender.Ssrc, 64, 3, 100, 5, 0, 0)]);
        peerRtcp.SendRawPacket(buffer[..n], new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort + 1));
        Assert.Equal(0.25, session.GetStatistics().PeerReportedFractionLost);
    }
}
