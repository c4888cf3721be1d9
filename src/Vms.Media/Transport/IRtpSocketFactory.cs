using System.Net;

namespace Vms.Media.Transport;

/// <summary>Binds sockets: real UDP (<see cref="UdpRtpSocketFactory"/>) or in memory (<see cref="InMemoryRtpNetwork"/>).</summary>
public interface IRtpSocketFactory
{
    /// <summary>Binds <paramref name="address"/>:<paramref name="port"/>; false when the port is taken.</summary>
    bool TryBind(IPAddress address, int port, out IRtpSocket? socket);
}
