using System.Net;
using Vms.Media.Playback;
using Vms.Media.Rtp;
using Vms.Media.Tests.TestSupport;
using Vms.Media.Transport;

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
        var packet = new byte[172];
        long before = 0;
        for (ushort i = 0; i < 1100; i++)
        {
            if (i == 100)
            {
                sink.Count = 0;
                before = GC.GetAllocatedBytesForCurrentThread();
            }

            RtpHeader.WriteFixed(packet, false, 8, i, i * 160u, 0xABCDEF);
            peerA.SendRawPacket(packet, to);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, sink.Count);
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

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 301; i <= 1300; i++)
        {
            listener.OnMediaTick(i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
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
        var packet = new byte[172];
        long before = 0;
        for (ushort i = 0; i < 1100; i++)
        {
            if (i == 100)
            {
                sink.Count = 0;
                before = GC.GetAllocatedBytesForCurrentThread();
            }

            RtpHeader.WriteFixed(packet, false, 8, i, i * 160u, 0xABCDEF);
            peerA.SendRawPacket(packet, to);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2000, sink.Count);
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
        var packet = new byte[172];
        // The payload stays A-law 0x00 (−5504): a loud constant, so every block runs the filter bank.
        long before = 0;
        for (ushort i = 0; i < 1100; i++)
        {
            if (i == 100)
            {
                before = GC.GetAllocatedBytesForCurrentThread();
            }

            RtpHeader.WriteFixed(packet, false, 8, i, i * 160u, 0xABCDEF);
            peer.SendRawPacket(packet, to);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1100, session.GetStatistics().PacketsReceived);
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

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 301; i <= 1300; i++)
        {
            listener.OnMediaTick(i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(session.Sender.PacketCount >= 2600);
    }

    private sealed class CountingSink : IDatagramReceiver
    {
        public int Count { get; set; }

        public void OnDatagram(IRtpSocket socket, ReadOnlySpan<byte> data, IPEndPoint source) => Count++;
    }
}
