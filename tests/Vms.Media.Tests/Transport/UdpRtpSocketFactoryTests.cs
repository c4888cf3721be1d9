using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Vms.Media.Transport;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Transport;

/// <summary>
/// The real UDP transport over loopback (127.0.0.1 / ::1, ports picked by the OS): the Linux epoll receive
/// engine and the portable thread-pool path must behave the same. Waits are bounded awaits on deliveries,
/// never sleeps.
/// </summary>
[Collection(AllocationMeasurement.Name)]
public class UdpRtpSocketFactoryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static TheoryData<bool> Paths => [true, false];

    [Fact]
    public void UsesEpoll_OnLinux64_True()
    {
        using var factory = new UdpRtpSocketFactory();
        Assert.Equal(OperatingSystem.IsLinux() && Environment.Is64BitProcess, factory.UsesEpoll);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Send_LoopbackIpv4_DeliveredWithSourceAndPayload(bool epoll)
    {
        using var factory = new UdpRtpSocketFactory(1, epoll);
        using var a = Bind(factory, IPAddress.Loopback);
        using var b = Bind(factory, IPAddress.Loopback);
        var sink = new Sink(1);
        b.Start(sink);
        a.Start(new Sink(0));

        a.Send([1, 2, 3, 4, 5], b.LocalEndPoint);

        await sink.Done.WaitAsync(Timeout);
        var (data, source) = Assert.Single(sink.Received);
        Assert.Equal([1, 2, 3, 4, 5], data);
        Assert.Equal(a.LocalEndPoint, source);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Send_LoopbackIpv6_DeliveredWithSource(bool epoll)
    {
        using var factory = new UdpRtpSocketFactory(1, epoll);
        using var a = Bind(factory, IPAddress.IPv6Loopback);
        using var b = Bind(factory, IPAddress.IPv6Loopback);
        var sink = new Sink(1);
        b.Start(sink);

        a.Send([9, 8, 7], b.LocalEndPoint);

        await sink.Done.WaitAsync(Timeout);
        Assert.Equal(a.LocalEndPoint, Assert.Single(sink.Received).Source);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Start_ManyDatagramsQueuedBefore_AllDeliveredInOrder(bool epoll)
    {
        using var factory = new UdpRtpSocketFactory(1, epoll);
        using var a = Bind(factory, IPAddress.Loopback);
        using var b = Bind(factory, IPAddress.Loopback);
        for (var i = 0; i < 100; i++)
        {
            a.Send([(byte)i, 0, 0], b.LocalEndPoint); // more than one recvmmsg batch waits in the queue
        }

        var sink = new Sink(100);
        b.Start(sink);

        await sink.Done.WaitAsync(Timeout);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (byte)i), sink.Received.Select(r => r.Data[0]));
    }

    public static TheoryData<int> PollIntervals => [0, 50, 1000];

    [Theory]
    [MemberData(nameof(PollIntervals))]
    public async Task Receive_SeveralSocketsOnTwoThreads_EachDeliveredToItsReceiver(int pollMicroseconds)
    {
        using var factory = new UdpRtpSocketFactory(2, true, TimeSpan.FromMicroseconds(pollMicroseconds));
        using var sender = Bind(factory, IPAddress.Loopback);
        var sockets = Enumerable.Range(0, 8).Select(_ => Bind(factory, IPAddress.Loopback)).ToList();
        var sinks = sockets.Select(_ => new Sink(10)).ToList();
        for (var i = 0; i < sockets.Count; i++)
        {
            sockets[i].Start(sinks[i]);
        }

        for (var round = 0; round < 10; round++)
        {
            for (var i = 0; i < sockets.Count; i++)
            {
                sender.Send([(byte)i], sockets[i].LocalEndPoint);
            }
        }

        await Task.WhenAll(sinks.Select(s => s.Done)).WaitAsync(Timeout);
        for (var i = 0; i < sockets.Count; i++)
        {
            Assert.All(sinks[i].Received, r => Assert.Equal((byte)i, r.Data[0]));
            sockets[i].Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Dispose_StartedSocket_PortReleasedAndNothingDeliveredAfter(bool epoll)
    {
        using var factory = new UdpRtpSocketFactory(1, epoll);
        using var a = Bind(factory, IPAddress.Loopback);
        var b = Bind(factory, IPAddress.Loopback);
        var sink = new Sink(1);
        b.Start(sink);
        a.Send([1], b.LocalEndPoint);
        await sink.Done.WaitAsync(Timeout);

        b.Dispose();

        Assert.True(factory.TryBind(IPAddress.Loopback, b.LocalEndPoint.Port, out var again), "the port is free again");
        again!.Dispose();
        a.Send([2], b.LocalEndPoint);
        Assert.Single(sink.Received);
    }

    [Fact]
    public async Task Dispose_FromItsOwnReceiveCallback_ClosedOnceTheCallbackReturns()
    {
        using var factory = new UdpRtpSocketFactory(1, true);
        using var a = Bind(factory, IPAddress.Loopback);
        var b = Bind(factory, IPAddress.Loopback);
        var sink = new Sink(1) { OnReceived = s => s.Dispose() };
        b.Start(sink);

        a.Send([1], b.LocalEndPoint);
        await sink.Done.WaitAsync(Timeout);

        Assert.True(SpinWait.SpinUntil(() => CanBind(b.LocalEndPoint), Timeout), "the port is released after the callback");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Receive_ReceiverThrows_LoopGoesOnForThisAndOtherSockets(bool epoll)
    {
        using var factory = new UdpRtpSocketFactory(1, epoll);
        using var a = Bind(factory, IPAddress.Loopback);
        using var faulty = Bind(factory, IPAddress.Loopback);
        using var healthy = Bind(factory, IPAddress.Loopback);
        var throwing = new Sink(3) { OnReceived = _ => throw new InvalidOperationException("handler bug") };
        var sink = new Sink(1);
        faulty.Start(throwing);
        healthy.Start(sink);

        for (var i = 0; i < 3; i++)
        {
            a.Send([(byte)i], faulty.LocalEndPoint);
        }

        a.Send([7], healthy.LocalEndPoint);

        await sink.Done.WaitAsync(Timeout);
        Assert.True(SpinWait.SpinUntil(() => throwing.Received.Count == 3, Timeout), "every datagram still delivered");
    }

    [Fact]
    public void SendAndReceive_SteadyState_NoAllocation()
    {
        // Rounds of 50 packets; after 30 rounds of warm-up each round is a measuring window on both threads. A one-off
        // the runtime bills to a thread (a tier-up landing mid-round) dirties one window; a per-packet allocation
        // would dirty every one.
        const int warmUpRounds = 30, rounds = 50, perRound = 50;
        using var factory = new UdpRtpSocketFactory(1, true);
        using var a = Bind(factory, IPAddress.Loopback);
        using var b = Bind(factory, IPAddress.Loopback);
        var sink = new AllocationSink(warmUpRounds * perRound, perRound);
        b.Start(sink);
        var packet = new byte[172];
        var to = b.LocalEndPoint;
        var dirtySendRounds = 0;
        for (var round = 0; round < rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < perRound; i++)
            {
                a.Send(packet, to);
            }

            if (round >= warmUpRounds && GC.GetAllocatedBytesForCurrentThread() != before)
            {
                dirtySendRounds++;
            }

            // Bursts small enough for the default receive buffer; a spin, so nothing allocates on either side.
            var expected = (round + 1) * perRound;
            Assert.True(SpinWait.SpinUntil(() => sink.Count >= expected, Timeout));
        }

        Assert.True(dirtySendRounds <= 1, $"{dirtySendRounds} of {rounds - warmUpRounds} send rounds allocated");
        Assert.Equal(rounds - warmUpRounds, sink.Windows); // measured on the receive thread itself
        Assert.True(sink.DirtyWindows <= 1, $"{sink.DirtyWindows} of {sink.Windows} receive windows allocated");
    }

    [Fact]
    public void Send_ToUnreachableFamily_CountedNotThrown()
    {
        using var factory = new UdpRtpSocketFactory(1, true);
        using var a = Bind(factory, IPAddress.Loopback);
        a.Send([1], new IPEndPoint(IPAddress.IPv6Loopback, 9));
        Assert.Equal(1, Assert.IsType<EpollRtpSocket>(a).SendErrors);
    }

    private static IRtpSocket Bind(UdpRtpSocketFactory factory, IPAddress address)
    {
        Assert.True(factory.TryBind(address, 0, out var socket));
        return socket!;
    }

    private static bool CanBind(IPEndPoint endPoint)
    {
        using var s = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            s.Bind(endPoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed class Sink(int expected) : IDatagramReceiver
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<(byte[] Data, IPEndPoint Source)> Received { get; } = new();

        public Action<IRtpSocket>? OnReceived { get; init; }

        public Task Done => _done.Task;

        public void OnDatagram(IRtpSocket socket, ReadOnlySpan<byte> data, IPEndPoint source)
        {
            Received.Enqueue((data.ToArray(), source));
            OnReceived?.Invoke(socket);
            if (Received.Count >= expected)
            {
                _done.TrySetResult();
            }
        }
    }

    /// <summary>Counts, on the receive thread, the windows of <paramref name="perWindow"/> datagrams (after the first <paramref name="warmUp"/>) that allocated.</summary>
    private sealed class AllocationSink(int warmUp, int perWindow) : IDatagramReceiver
    {
        private int _count;
        private long _windowStart;

        public int Count => Volatile.Read(ref _count);

        public int Windows { get; private set; }

        public int DirtyWindows { get; private set; }

        public void OnDatagram(IRtpSocket socket, ReadOnlySpan<byte> data, IPEndPoint source)
        {
            var count = _count + 1;
            if (count >= warmUp && (count - warmUp) % perWindow == 0)
            {
                var now = GC.GetAllocatedBytesForCurrentThread();
                if (count > warmUp)
                {
                    Windows++;
                    DirtyWindows += now != _windowStart ? 1 : 0;
                }

                _windowStart = now;
            }

            Volatile.Write(ref _count, count);
        }
    }
}
