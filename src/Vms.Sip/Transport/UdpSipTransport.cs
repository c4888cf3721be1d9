using System.Net;
using System.Net.Sockets;

namespace Vms.Sip.Transport;

/// <summary>
/// SIP over UDP (IPv4 or IPv6). Datagrams larger than 64 KiB are not possible; bad ones are counted and dropped above.
/// One dedicated thread receives with blocking calls and hands each datagram on at once: the stack processes a
/// packet synchronously up to its first await anyway, so a thread-pool hop per datagram would only add latency.
/// Sends are synchronous too (a UDP send does not wait for the peer).
/// </summary>
public sealed class UdpSipTransport : ISipTransport
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private readonly TaskCompletionSource _receiveStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _receiveThread;

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
        _receiveThread = new Thread(() => ReceiveLoop(onPacket)) { IsBackground = true, Name = "vms-sip-udp-" + LocalEndPoint.Port };
        _receiveThread.Start();
    }

    /// <inheritdoc/>
    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, IPEndPoint remote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        try
        {
            _socket.SendTo(data.Span, SocketFlags.None, remote);
            return ValueTask.FromResult(true);
        }
        catch (SocketException)
        {
            return ValueTask.FromResult(false);
        }
        catch (ObjectDisposedException)
        {
            return ValueTask.FromResult(false);
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
        if (_receiveThread is not null)
        {
            await _receiveStopped.Task;
        }

        _stop.Dispose();
    }

    private void ReceiveLoop(Action<SipPacket> onPacket)
    {
        var buffer = new byte[65536];
        var from = new SocketAddress(LocalEndPoint.AddressFamily);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var length = _socket.ReceiveFrom(buffer, SocketFlags.None, from);
                if (length == 0)
                {
                    continue;
                }

                var data = buffer.AsSpan(0, length).ToArray();
                onPacket(new SipPacket(data, (IPEndPoint)LocalEndPoint.Create(from), this));
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException) when (_stop.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The receive loop must survive any error of one packet.
            catch (Exception)
#pragma warning restore CA1031
            {
                ReceiveErrors++;
            }
        }

        _receiveStopped.TrySetResult();
    }
}
