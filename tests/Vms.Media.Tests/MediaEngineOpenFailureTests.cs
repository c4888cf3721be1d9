using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Vms.Media.Transport;

namespace Vms.Media.Tests;

/// <summary>
/// A session whose sockets are bound but cannot be started (the receive loop refuses one, out of descriptors):
/// the call is refused with a reason and nothing stays open — both sockets, the port pair, the session count and
/// the clock registration — so the same pair serves the next call.
/// </summary>
public class MediaEngineOpenFailureTests
{
    [Theory]
    [InlineData(1, false)] // the RTP socket's start fails, after the RTCP socket was bound
    [InlineData(2, false)] // the RTCP socket's start fails, after the RTP socket started
    [InlineData(2, true)]
    public void CreateSession_SocketStartFailsAfterRtcpBound_RefusedAndEverythingReleased(int failingStart, bool socketError)
    {
        var network = new InMemoryRtpNetwork();
        var sockets = new FailingStart(network, failingStart, socketError);
        using var engine = new MediaEngine(new MediaEngineOptions { MinPort = 40000, MaxPort = 40001 }, new FakeTimeProvider(), sockets);

        var result = engine.CreateSession();

        Assert.Null(result.Session);
        Assert.Contains("cannot open RTP sockets", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, sockets.Opened.Count);
        Assert.All(sockets.Opened, s => Assert.True(s.Disposed, $"{s.LocalEndPoint} left open"));
        Assert.Equal(0, network.BoundCount);
        Assert.Equal(0, engine.Ports.InUse);
        Assert.Equal(0, engine.SessionCount);
        Assert.Equal(0, engine.Clock.ListenerCount);

        // The only pair of the range is usable again.
        var next = engine.CreateSession();
        Assert.True(next.IsSuccess, next.Error);
        Assert.Equal(40000, next.Session!.LocalRtpPort);
        Assert.Equal(1, engine.SessionCount);
    }

    [Fact]
    public async Task CreateSession_RtcpPortTaken_RtpSocketClosedAndNextPairUsed()
    {
        var network = new InMemoryRtpNetwork();
        var sockets = new FailingStart(network, failingStart: 0, socketError: false);
        using var engine = new MediaEngine(new MediaEngineOptions { MinPort = 40000, MaxPort = 40003 }, new FakeTimeProvider(), sockets);
        using var squatter = network.Bind(new IPEndPoint(engine.Options.BindAddress, 40001)); // another program holds 40000's RTCP port

        var result = engine.CreateSession();

        Assert.True(result.IsSuccess, result.Error);
        await using var session = result.Session!;
        Assert.Equal(40002, session.LocalRtpPort);
        Assert.True(sockets.Opened[0].Disposed); // 40000, bound before 40001 was found taken
        Assert.Equal(3, network.BoundCount); // the squatter and the session's pair
        Assert.Equal(1, engine.Ports.InUse);
    }

    /// <summary>Binds on an in-memory network; the n-th socket's Start throws (0: never).</summary>
    private sealed class FailingStart(IRtpSocketFactory inner, int failingStart, bool socketError) : IRtpSocketFactory
    {
        private int _starts;

        public List<Tracking> Opened { get; } = [];

        public bool TryBind(IPAddress address, int port, out IRtpSocket? socket)
        {
            if (!inner.TryBind(address, port, out var bound))
            {
                socket = null;
                return false;
            }

            var tracking = new Tracking(bound!, this);
            Opened.Add(tracking);
            socket = tracking;
            return true;
        }

        public void OnStart()
        {
            if (++_starts == failingStart)
            {
                throw socketError ? new SocketException((int)SocketError.TooManyOpenSockets) : new InvalidOperationException("epoll_ctl ADD failed (errno 28)");
            }
        }
    }

    private sealed class Tracking(IRtpSocket inner, FailingStart factory) : IRtpSocket
    {
        public bool Disposed { get; private set; }

        public IPEndPoint LocalEndPoint => inner.LocalEndPoint;

        public void Send(ReadOnlySpan<byte> datagram, IPEndPoint destination) => inner.Send(datagram, destination);

        public void Start(IDatagramReceiver receiver)
        {
            factory.OnStart();
            inner.Start(receiver);
        }

        public void Dispose()
        {
            Disposed = true;
            inner.Dispose();
        }
    }
}
