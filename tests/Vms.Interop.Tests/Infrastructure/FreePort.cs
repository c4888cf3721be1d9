using System.Net;
using System.Net.Sockets;

namespace Vms.Interop.Tests.Infrastructure;

/// <summary>Picks loopback ports that are free for both UDP and TCP (bind port 0 and read it back).</summary>
public static class FreePort
{
    /// <summary>A port free for UDP and TCP on 127.0.0.1.</summary>
    public static int UdpAndTcp()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("No free port found.");
    }
}
