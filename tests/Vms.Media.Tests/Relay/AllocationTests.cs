using System.Net;
using Vms.Media.Playback;
using Vms.Media.Rtp;
using Vms.Media.Tests.TestSupport;
using Vms.Media.Transport;
using Vms.Testing;

namespace Vms.Media.Tests.Relay;

/// <summary>The per-frame paths allocate nothing once warm (in-memory network, same thread).</summary>
[Collection(AllocationMeasurement.Name)]
public class AllocationTests
{
    [Fact]
    public async Task RelayPath_1000PacketsAfterWarmUp_ZeroBytesAllocated()
    {
        using var rig = new MediaRig();
        await using var a = rig.NewSession();
        await using var b = rig.NewSession();
        using var peerA = rig.NewPeer(30000);
        using var sinkSocket = rig.Network.Bind(new IPEndPoint(IPAddress.Loopback, 31000));
        var sink = new CountingSink();
        sinkSocket.Start(sink);
        a.AcceptOffer(MediaRig.OfferFrom(30000));
        b.AcceptOffer(MediaRig.OfferFrom(31000));
        using var bridge = a.Bridge(b);
        var to = new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort);
        var stream = new PacketStream(peerA, to);
        stream.Send(100);
        sink.Count = 0;

        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() => stream.Send(1000)));
        Assert.Equal(1000 * stream.Windows(100), sink.Count);
    }

    [Fact]
    public async Task PlayerTick_1000FramesAfterWarmUp_ZeroBytesAllocated()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        session.AcceptOffer(MediaRig.OfferFrom(30000)); // nobody bound there: packets are dropped by the network
        _ = session.PlayAsync(Prompt.Tone("long", 1000, TimeSpan.FromMinutes(2)));
        var listener = (IMediaClockListener)session;
        for (var i = 1; i <= 300; i++)
        {
            listener.OnMediaTick(i);
        }

        var tick = 300;
        var allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (var end = tick + 1000; tick < end;)
            {
                listener.OnMediaTick(++tick);
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(session.Sender.PacketCount >= 1300);
    }


    [Fact]
    public async Task RelayPath_SplitFor10msTarget_ZeroBytesAllocated()
    {
        using var rig = new MediaRig();
        await using var a = rig.NewSession();
        await using var b = rig.NewSession();
        using var peerA = rig.NewPeer(30000);
        using var sinkSocket = rig.Network.Bind(new IPEndPoint(IPAddress.Loopback, 31000));
        var sink = new CountingSink();
        sinkSocket.Start(sink);
        a.AcceptOffer(MediaRig.OfferFrom(30000));
        Assert.Equal(10, b.AcceptOffer(MediaRig.OfferFrom(31000, extra: "a=maxptime:10\r\n")).Media!.SendPtime);
        using var bridge = a.Bridge(b);
        var to = new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort);
        var stream = new PacketStream(peerA, to);
        stream.Send(100);
        sink.Count = 0;

        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() => stream.Send(1000)));
        Assert.Equal(2000 * stream.Windows(100), sink.Count);
    }

    [Fact]
    public async Task InBandDetectionPath_1000LoudPacketsAfterWarmUp_ZeroBytesAllocated()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        using var peer = rig.NewPeer(30000);
        session.AcceptOffer(MediaRig.OfferFrom(30000, "8")); // no telephone-event: in-band detection on every packet
        Assert.True(session.InBandDtmfDetection);
        var to = new IPEndPoint(IPAddress.Loopback, session.LocalRtpPort);
        var stream = new PacketStream(peer, to); // payload A-law 0x00 (−5504): loud, so every block runs the filter bank
        stream.Send(100);

        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() => stream.Send(1000)));
        Assert.Equal(stream.Sent, session.GetStatistics().PacketsReceived);
    }

    [Fact]
    public async Task PlayerTick_10msPeer_ZeroBytesAllocated()
    {
        using var rig = new MediaRig();
        await using var session = rig.NewSession();
        session.AcceptOffer(MediaRig.OfferFrom(30000, extra: "a=maxptime:10\r\n"));
        _ = session.PlayAsync(Prompt.Tone("long", 1000, TimeSpan.FromMinutes(2)));
        var listener = (IMediaClockListener)session;
        for (var i = 1; i <= 300; i++)
        {
            listener.OnMediaTick(i);
        }

        var tick = 300;
        var allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (var end = tick + 1000; tick < end;)
            {
                listener.OnMediaTick(++tick);
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(session.Sender.PacketCount >= 2600);
    }

    /// <summary>A peer's RTP stream of A-law packets, sequence and timestamp running on across windows.</summary>
    private sealed class PacketStream(MediaRig.Peer peer, IPEndPoint to)
    {
        private readonly byte[] _packet = new byte[172];

        public ushort Sent { get; private set; }

        public void Send(int count)
        {
            for (var end = Sent + count; Sent < end; Sent++)
            {
                RtpHeader.WriteFixed(_packet, false, 8, Sent, Sent * 160u, 0xABCDEF);
                peer.SendRawPacket(_packet, to);
            }
        }

        /// <summary>How many windows of 1,000 packets were sent after the first <paramref name="warmUp"/>.</summary>
        public int Windows(int warmUp) => (Sent - warmUp) / 1000;
    }

    private sealed class CountingSink : IDatagramReceiver
    {
        public int Count { get; set; }

        public void OnDatagram(IRtpSocket socket, ReadOnlySpan<byte> data, IPEndPoint source) => Count++;
    }
}
