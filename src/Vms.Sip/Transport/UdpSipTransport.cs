using System.Net;
using System.Net.Sockets;

namespace Vms.Sip.Transport;

/// <summary>SIP over UDP (IPv4 or IPv6). Datagrams larger than 64 KiB are not possible; bad ones are counted and dropped above.</summary>
public sealed class UdpSipTransport : ISipTransport
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private Task? _receiveLoop;

    private UdpSipTransport(Socket socket)
    {
        _socket = socket;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    /// <inheritdoc/>
    public SipTransportProtocol Protocol => SipTransportProtocol.Udp;

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc/>
    public bool IsReliable => false;

    /// <summary>Number of receive errors absorbed by the loop.</summary>
    public long ReceiveErrors { get; private set; }

    /// <summary>Binds a UDP socket (port 0 picks a free port).</summary>
    public static UdpSipTransport Bind(IPEndPoint localEndPoint)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        var socket = new Socket(localEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                const int SioUdpConnReset = -1744830452;
                socket.IOControl(SioUdpConnReset, [0, 0, 0, 0], null);
            }

            socket.ReceiveBufferSize = 4 * 1024 * 1024;
            socket.Bind(localEndPoint);
            return new UdpSipTransport(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Start(Action<SipPacket> onPacket)
    {
        ArgumentNullException.ThrowIfNull(onPacket);
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(onPacket));
    }

    /// <inheritdoc/>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, IPEndPoint remote, CancellationToken cancellationToken = default)
    {
        try
        {
            await _socket.SendToAsync(data, SocketFlags.None, remote, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return; // a host may dispose a transport both as a service and through its owner
        }

        await _stop.CancelAsync();
        _socket.Dispose();
        if (_receiveLoop is not null)
        {
            await _receiveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync(Action<SipPacket> onPacket)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                if (result.ReceivedBytes == 0)
                {
                    continue;
                }

                var data = buffer.AsSpan(0, result.ReceivedBytes).ToArray();
                onPacket(new SipPacket(data, (IPEndPoint)result.RemoteEndPoint, this));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
#pragma warning disable CA1031 // The receive loop must survive any error of one packet.
            catch (Exception)
#pragma warning restore CA1031
            {
                ReceiveErrors++;
            }
        }
    }
}
