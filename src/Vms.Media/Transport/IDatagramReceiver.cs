using System.Net;

namespace Vms.Media.Transport;

/// <summary>Receives datagrams from an <see cref="IRtpSocket"/>. Called on the socket's receive loop.</summary>
public interface IDatagramReceiver
{
    /// <summary>One datagram; <paramref name="data"/> is valid only during the call.</summary>
    void OnDatagram(IRtpSocket socket, ReadOnlySpan<byte> data, IPEndPoint source);
}
