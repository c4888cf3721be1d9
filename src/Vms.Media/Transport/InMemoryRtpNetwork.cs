using System.Collections.Concurrent;
using System.Net;

namespace Vms.Media.Transport;

/// <summary>
/// An in-memory UDP network for unit tests: sockets bound here deliver to each other synchronously on the
/// sender's thread; a datagram to an address nobody bound is dropped and counted. Ports can be reserved to
/// simulate ports taken by other programs.
/// </summary>
public sealed class InMemoryRtpNetwork : IRtpSocketFactory
{
    private readonly ConcurrentDictionary<IPEndPoint, Endpoint> _bound = new();
    private long _dropped;

    /// <summary>Datagrams sent to an unbound address.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Number of bound sockets.</summary>
    public int BoundCount => _bound.Count;

    /// <inheritdoc />
    public bool TryBind(IPAddress address, int port, out IRtpSocket? socket)
    {
        var endpoint = new Endpoint(this, new IPEndPoint(address, port));
        if (!_bound.TryAdd(endpoint.LocalEndPoint, endpoint))
        {
            socket = null;
            return false;
        }

        socket = endpoint;
        return true;
    }

    /// <summary>Binds a socket for a test peer (throws when taken).</summary>
    public IRtpSocket Bind(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return TryBind(endPoint.Address, endPoint.Port, out var s) ? s! : throw new InvalidOperationException($"{endPoint} is already bound.");
    }

    private void Deliver(Endpoint from, ReadOnlySpan<byte> data, IPEndPoint to)
    {
        if (_bound.TryGetValue(to, out var target) && target.Receiver is { } receiver)
        {
            receiver.OnDatagram(target, data, from.LocalEndPoint);
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    private sealed class Endpoint(InMemoryRtpNetwork network, IPEndPoint local) : IRtpSocket
    {
        public IPEndPoint LocalEndPoint { get; } = local;

        public IDatagramReceiver? Receiver { get; private set; }

        public void Send(ReadOnlySpan<byte> datagram, IPEndPoint destination) => network.Deliver(this, datagram, destination);

        public void Start(IDatagramReceiver receiver) => Receiver = receiver;

        public void Dispose() => network._bound.TryRemove(new KeyValuePair<IPEndPoint, Endpoint>(LocalEndPoint, this));
    }
}
