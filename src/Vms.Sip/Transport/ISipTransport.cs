using System.Net;

namespace Vms.Sip.Transport;

/// <summary>
/// A SIP transport: sends bytes to an end point and delivers received messages to the handler given to
/// <see cref="Start"/>. Implementations never throw out of their receive loop.
/// </summary>
public interface ISipTransport : IAsyncDisposable
{
    /// <summary>The protocol.</summary>
    SipTransportProtocol Protocol { get; }

    /// <summary>The local end point the transport is bound to.</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>True for TCP: no retransmissions, Timer D/I/J/K zero.</summary>
    bool IsReliable { get; }

    /// <summary>Starts receiving; every complete message is passed to <paramref name="onPacket"/>.</summary>
    void Start(Action<SipPacket> onPacket);

    /// <summary>Sends one message. Returns false on a transport error (the transaction user then sees a 503).</summary>
    ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, IPEndPoint remote, CancellationToken cancellationToken = default);
}
