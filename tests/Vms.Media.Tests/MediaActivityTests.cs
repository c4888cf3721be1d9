using System.Net;
using Vms.Media.Rtcp;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests;

/// <summary>The media (inactivity) timeout reads <see cref="MediaSession.MediaActivity"/>: every kind of packet counts.</summary>
public class MediaActivityTests
{
    [Fact]
    public async Task MediaActivity_OnlyKeyPresses_Counted()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));

        peer.SendDigit(new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort), '5');

        Assert.True(session.MediaActivity > 0);
        Assert.Equal(0, session.GetStatistics().PacketsReceived);
    }

    [Fact]
    public async Task MediaActivity_OnlyRtcpReports_CountedAndGarbageIsNot()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peerRtcp = rig.NewPeer(30001);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var rtcpPort = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort + 1);
        var report = new byte[64];
        var n = RtcpWriter.WriteReceiverReport(report, 9, []);

        peerRtcp.SendRawPacket([0xFF, 0x00, 0x01], rtcpPort);
        Assert.Equal(0, session.MediaActivity);
        peerRtcp.SendRawPacket(report[..n], rtcpPort);

        Assert.Equal(1, session.MediaActivity);
    }

    [Fact]
    public async Task MediaActivity_AudioPackets_CountedOncePerPacket()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000));
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);

        for (var i = 0; i < 5; i++)
        {
            peer.SendAudio(to, new byte[160]);
        }

        Assert.Equal(5, session.MediaActivity);
    }
}
