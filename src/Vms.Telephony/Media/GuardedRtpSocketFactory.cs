using System.Net;
using System.Net.Sockets;
using Vms.Media.Transport;

namespace Vms.Telephony.Media;

/// <summary>
/// Wraps a socket factory so that failing to even create a socket (EMFILE/ENFILE: the process or the system is out
/// of file descriptors, or no buffer space) is a refused bind — the call is answered 503 — instead of an exception
/// thrown through the call path (or through a SIP receive callback, where it would end the process).
/// </summary>
public sealed class GuardedRtpSocketFactory : IRtpSocketFactory
{
    private readonly IRtpSocketFactory _inner;
    private long _failures;

    public GuardedRtpSocketFactory(IRtpSocketFactory inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>Sockets that could not be created (descriptor exhaustion and other socket errors).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public bool TryBind(IPAddress address, int port, out IRtpSocket? socket)
    {
        try
        {
            return _inner.TryBind(address, port, out socket);
        }
        catch (SocketException)
        {
            Interlocked.Increment(ref _failures);
            socket = null;
            return false;
        }
        catch (IOException)
        {
            Interlocked.Increment(ref _failures);
            socket = null;
            return false;
        }
    }
}
