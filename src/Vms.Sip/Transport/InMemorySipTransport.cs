using System.Net;

namespace Vms.Sip.Transport;

/// <summary>A transport attached to an <see cref="InMemorySipNetwork"/> (for unit tests of this and upper layers).</summary>
public sealed class InMemorySipTransport : ISipTransport
{
    private readonly InMemorySipNetwork _network;
    private Action<SipPacket>? _onPacket;

    internal InMemorySipTransport(InMemorySipNetwork network, IPEndPoint localEndPoint, SipTransportProtocol protocol)
    {
        _network = network;
        LocalEndPoint = localEndPoint;
        Protocol = protocol;
    }

    /// <inheritdoc/>
    public SipTransportProtocol Protocol { get; }

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc/>
    public bool IsReliable => Protocol == SipTransportProtocol.Tcp;

    /// <inheritdoc/>
    public void Start(Action<SipPacket> onPacket) => _onPacket = onPacket;

    /// <inheritdoc/>
    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, IPEndPoint remote, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_network.Send(this, data, remote));

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _network.Detach(this);
        return ValueTask.CompletedTask;
    }

    internal void Deliver(InMemoryPacket packet, InMemorySipTransport source) =>
        _onPacket?.Invoke(new SipPacket(packet.Data, source.LocalEndPoint, this));
}
