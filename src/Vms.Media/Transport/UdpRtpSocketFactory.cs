using System.Net;
using System.Net.Sockets;

namespace Vms.Media.Transport;

/// <summary>Binds real UDP sockets.</summary>
public sealed class UdpRtpSocketFactory : IRtpSocketFactory
{
    /// <inheritdoc />
    public bool TryBind(IPAddress address, int port, out IRtpSocket? socket)
    {
        ArgumentNullException.ThrowIfNull(address);
        var s = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            s.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException)
        {
            s.Dispose();
            socket = null;
            return false;
        }

        socket = new UdpRtpSocket(s);
        return true;
    }
}
