using System.Net;
using System.Net.Sockets;
using Vms.Media.Transport;

namespace Vms.Media.Tests.Transport;

/// <summary>Out of file descriptors while opening a call's sockets: the call is refused and nothing leaks.</summary>
public class DescriptorExhaustionTests
{
    [Fact]
    public void CreateSession_RtcpSocketFailsWithEmfile_RefusedWithReasonAndPairAndSocketReleased()
    {
        var sockets = new FailingSecondBind(new InMemoryRtpNetwork());
        using var engine = new MediaEngine(new MediaEngineOptions { MinPort = 40000, MaxPort = 40009 }, TimeProvider.System, sockets);

        var result = engine.CreateSession();

        Assert.Null(result.Session);
        Assert.Contains("cannot open RTP sockets", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, engine.Ports.InUse);
        Assert.True(sockets.FirstSocketDisposed);
    }

    private sealed class FailingSecondBind(IRtpSocketFactory inner) : IRtpSocketFactory
    {
        private bool _bound;

        public bool FirstSocketDisposed { get; private set; }

        public bool TryBind(IPAddress address, int port, out IRtpSocket? socket)
        {
            if (_bound)
            {
                throw new SocketException((int)SocketError.TooManyOpenSockets);
            }

            Assert.True(inner.TryBind(address, port, out var bound));
            _bound = true;
            socket = new Tracking(bound!, () => FirstSocketDisposed = true);
            return true;
        }
    }

    private sealed class Tracking(IRtpSocket inner, Action onDispose) : IRtpSocket
    {
        public IPEndPoint LocalEndPoint => inner.LocalEndPoint;

        public void Send(ReadOnlySpan<byte> datagram, IPEndPoint destination) => inner.Send(datagram, destination);

        public void Start(IDatagramReceiver receiver) => inner.Start(receiver);

        public void Dispose()
        {
            onDispose();
            inner.Dispose();
        }
    }
}
