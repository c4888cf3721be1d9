using System.Net;

namespace Vms.Media.Transport;

/// <summary>A bound UDP socket as the media engine sees it: send to an address, deliver what arrives.</summary>
public interface IRtpSocket : IDisposable
{
    /// <summary>The bound address and port.</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Sends one datagram; errors (unreachable peer) are counted, not thrown.</summary>
    void Send(ReadOnlySpan<byte> datagram, IPEndPoint destination);

    /// <summary>Starts delivering datagrams to <paramref name="receiver"/>.</summary>
    void Start(IDatagramReceiver receiver);
}
