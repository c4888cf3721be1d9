using System.Net;
using System.Net.Sockets;

namespace Vms.Media.Benchmarks;

/// <summary>
/// The reference path: a trivial relay that sends every datagram straight back to where it came from (a
/// blocking recvmmsg and one sendmmsg per batch on a dedicated thread per socket). Same two loopback hops as
/// through VMS, with nothing in between: the floor the relay's added latency is measured against.
/// </summary>
internal sealed class NullRelay : IDisposable
{
    private readonly Socket[] _sockets;
    private readonly Thread[] _threads;
    private volatile bool _stopping;

    public NullRelay(int socketCount)
    {
        _sockets = new Socket[socketCount];
        _threads = new Thread[socketCount];
        for (var i = 0; i < socketCount; i++)
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 * 1024 * 1024, ReceiveTimeout = 100 };
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _sockets[i] = s;
            var fd = (int)s.SafeHandle.DangerousGetHandle();
            _threads[i] = new Thread(() => Echo(fd)) { IsBackground = true, Name = $"nullrelay-{i}" };
            _threads[i].Start();
        }
    }

    public IPEndPoint EndPointFor(int stream) => (IPEndPoint)_sockets[stream % _sockets.Length].LocalEndPoint!;

    public void Dispose()
    {
        _stopping = true;
        foreach (var t in _threads)
        {
            t.Join();
        }

        foreach (var s in _sockets)
        {
            s.Dispose();
        }
    }

    private void Echo(int fd)
    {
        var batch = new MessageBatch(64, 2048, withControl: false);
        while (!_stopping)
        {
            for (var i = 0; i < batch.Capacity; i++)
            {
                batch.PrepareReceive(i);
            }

            var n = BenchNative.RecvMmsg(fd, batch.Address, (uint)batch.Capacity, BenchNative.MsgWaitForOne, 0);
            if (n <= 0)
            {
                continue;
            }

            for (var i = 0; i < n; i++)
            {
                batch.Prepare(i, batch.Length(i), 16);
            }

            _ = BenchNative.SendMmsg(fd, batch.Address, (uint)n, 0);
        }
    }
}
