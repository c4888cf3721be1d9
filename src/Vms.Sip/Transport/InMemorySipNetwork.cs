using System.Collections.Concurrent;
using System.Net;

namespace Vms.Sip.Transport;

/// <summary>
/// A deterministic in-memory network for unit tests: transports attached to it deliver synchronously in send order
/// (a send made while delivering is queued, never re-entered). Every packet is logged; a filter can drop packets.
/// </summary>
public sealed class InMemorySipNetwork
{
    private readonly ConcurrentDictionary<IPEndPoint, InMemorySipTransport> _nodes = new();
    private readonly Queue<InMemoryPacket> _queue = new();
    private readonly List<InMemoryPacket> _log = [];
    private readonly Lock _sync = new();
    private bool _draining;

    /// <summary>Return true to drop a packet (loss simulation).</summary>
    public Func<InMemoryPacket, bool>? DropFilter { get; set; }

    /// <summary>Every packet sent so far, dropped ones included.</summary>
    public IReadOnlyList<InMemoryPacket> Log
    {
        get
        {
            lock (_sync)
            {
                return _log.ToArray();
            }
        }
    }

    /// <summary>Creates a transport bound to an end point of this network.</summary>
    public InMemorySipTransport CreateTransport(IPEndPoint localEndPoint, SipTransportProtocol protocol = SipTransportProtocol.Udp)
    {
        var transport = new InMemorySipTransport(this, localEndPoint, protocol);
        if (!_nodes.TryAdd(localEndPoint, transport))
        {
            throw new InvalidOperationException("End point already in use: " + localEndPoint);
        }

        return transport;
    }

    /// <summary>Creates a transport on 127.0.0.1 with the given port.</summary>
    public InMemorySipTransport CreateTransport(int port, SipTransportProtocol protocol = SipTransportProtocol.Udp) =>
        CreateTransport(new IPEndPoint(IPAddress.Loopback, port), protocol);

    /// <summary>Clears the packet log.</summary>
    public void ClearLog()
    {
        lock (_sync)
        {
            _log.Clear();
        }
    }

    internal void Detach(InMemorySipTransport transport) => _nodes.TryRemove(transport.LocalEndPoint, out _);

    internal bool Send(InMemorySipTransport from, ReadOnlyMemory<byte> data, IPEndPoint to)
    {
        var packet = new InMemoryPacket(from.LocalEndPoint, to, data.ToArray());
        var dropped = DropFilter?.Invoke(packet) == true;
        lock (_sync)
        {
            _log.Add(packet with { Dropped = dropped });
            if (!_nodes.ContainsKey(to))
            {
                return false;
            }

            if (!dropped)
            {
                _queue.Enqueue(packet);
            }

            if (_draining)
            {
                return true;
            }

            _draining = true;
        }

        Drain();
        return true;
    }

    private void Drain()
    {
        while (true)
        {
            InMemoryPacket packet;
            lock (_sync)
            {
                if (!_queue.TryDequeue(out packet!))
                {
                    _draining = false;
                    return;
                }
            }

            if (_nodes.TryGetValue(packet.To, out var target) && _nodes.TryGetValue(packet.From, out var source))
            {
                target.Deliver(packet, source);
            }
        }
    }
}
