using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Vms.Sip.Transport;

/// <summary>
/// SIP over TCP: listens for connections, reuses a connection to the same remote end point for requests and
/// responses, closes connections idle for longer than <see cref="IdleTimeout"/>.
/// </summary>
public sealed class TcpSipTransport : ISipTransport
{
    private readonly Socket _listener;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private readonly TimeProvider _time;
    private ITimer? _idleTimer;
    private Action<SipPacket>? _onPacket;
    private Task? _acceptLoop;
    private long _framingErrors;

    private TcpSipTransport(Socket listener, TimeProvider time, TimeSpan idleTimeout)
    {
        _listener = listener;
        _time = time;
        IdleTimeout = idleTimeout;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <inheritdoc/>
    public SipTransportProtocol Protocol => SipTransportProtocol.Tcp;

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc/>
    public bool IsReliable => true;

    /// <summary>Connections without traffic for this long are closed.</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>Number of open connections.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Streams closed because they could not be framed.</summary>
    public long FramingErrors => Interlocked.Read(ref _framingErrors);

    /// <summary>Binds a listening socket (port 0 picks a free port).</summary>
    public static TcpSipTransport Bind(IPEndPoint localEndPoint, TimeProvider? time = null, TimeSpan? idleTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        var socket = new Socket(localEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(localEndPoint);
            socket.Listen(512);
            return new TcpSipTransport(socket, time ?? TimeProvider.System, idleTimeout ?? TimeSpan.FromMinutes(5));
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
        _onPacket = onPacket ?? throw new ArgumentNullException(nameof(onPacket));
        _acceptLoop = Task.Run(AcceptLoopAsync);
        var period = IdleTimeout / 4 > TimeSpan.FromSeconds(1) ? IdleTimeout / 4 : TimeSpan.FromSeconds(1);
        _idleTimer = _time.CreateTimer(_ => CloseIdle(), null, period, period);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, IPEndPoint remote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var connection = _connections.TryGetValue(remote, out var existing) && !existing.IsClosed ? existing : await ConnectAsync(remote, cancellationToken);
        return connection is not null && await connection.SendAsync(data, cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return; // a host may dispose a transport both as a service and through its owner
        }

        await _stop.CancelAsync();
        if (_idleTimer is not null)
        {
            await _idleTimer.DisposeAsync();
        }

        _listener.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var c in _connections.Values)
        {
            await c.DisposeAsync();
        }

        _connections.Clear();
        _stop.Dispose();
    }

    internal void CountFramingError() => Interlocked.Increment(ref _framingErrors);

    private async Task<TcpSipConnection?> ConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(remote, cancellationToken);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }

        return Register(socket);
    }

    private TcpSipConnection Register(Socket socket)
    {
        var connection = new TcpSipConnection(socket, _time);
        if (_connections.TryGetValue(connection.Remote, out var old))
        {
            _ = old.DisposeAsync().AsTask();
        }

        _connections[connection.Remote] = connection;
        connection.Start(this, p => _onPacket?.Invoke(p), c => _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(c.Remote, c)));
        return connection;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var socket = await _listener.AcceptAsync(_stop.Token);
                socket.NoDelay = true;
                Register(socket);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                CountFramingError();
            }
        }
    }

    private void CloseIdle()
    {
        var now = _time.GetTimestamp();
        foreach (var c in _connections.Values)
        {
            if (_time.GetElapsedTime(c.LastActivity, now) > IdleTimeout && _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(c.Remote, c)))
            {
                _ = c.DisposeAsync().AsTask();
            }
        }
    }
}
