using System.Net;
using System.Net.Sockets;
using Vms.Sip.Messages;

namespace Vms.Sip.Transport;

/// <summary>One TCP connection: frames messages by Content-Length, answers CRLFCRLF keep-alives with CRLF (RFC 5626 §3.5.1).</summary>
internal sealed class TcpSipConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private Task? _loop;

    public TcpSipConnection(Socket socket, TimeProvider time)
    {
        _socket = socket;
        _time = time;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
        LastActivity = time.GetTimestamp();
    }

    public IPEndPoint Remote { get; }

    public long LastActivity { get; private set; }

    public bool IsClosed { get; private set; }

    public void Start(TcpSipTransport owner, Action<SipPacket> onPacket, Action<TcpSipConnection> onClosed) =>
        _loop = Task.Run(() => ReceiveLoopAsync(owner, onPacket, onClosed));

    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            while (!data.IsEmpty)
            {
                var n = await _socket.SendAsync(data, SocketFlags.None, cancellationToken);
                data = data[n..];
            }

            LastActivity = _time.GetTimestamp();
            return true;
        }
        catch (SocketException)
        {
            IsClosed = true;
            return false;
        }
        catch (ObjectDisposedException)
        {
            IsClosed = true;
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        IsClosed = true;
        await _stop.CancelAsync();
        _socket.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReceiveLoopAsync(TcpSipTransport owner, Action<SipPacket> onPacket, Action<TcpSipConnection> onClosed)
    {
        var buffer = new byte[8192];
        var length = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= SipParserLimits.Default.MaxMessageSize * 2)
                    {
                        return;
                    }

                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var n = await _socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, _stop.Token);
                if (n == 0)
                {
                    return;
                }

                length += n;
                LastActivity = _time.GetTimestamp();
                var (ok, remaining) = await ProcessBufferAsync(owner, onPacket, buffer, length);
                if (!ok)
                {
                    return;
                }

                length = remaining;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            IsClosed = true;
            onClosed(this);
        }
    }

    private async Task<(bool Ok, int Remaining)> ProcessBufferAsync(TcpSipTransport owner, Action<SipPacket> onPacket, byte[] buffer, int length)
    {
        var offset = 0;
        while (offset < length)
        {
            var pending = buffer.AsMemory(offset, length - offset);
            if (pending.Span.StartsWith("\r\n\r\n"u8))
            {
                offset += 4;
                await SendAsync("\r\n"u8.ToArray(), _stop.Token);
                continue;
            }

            if (pending.Span[0] is (byte)'\r' or (byte)'\n')
            {
                if (pending.Length < 4 && "\r\n\r\n"u8.StartsWith(pending.Span))
                {
                    break;
                }

                offset++;
                continue;
            }

            var result = SipParser.Parse(pending, isStream: true);
            if (result.Status == SipParseStatus.NeedMoreData)
            {
                break;
            }

            if (result.Status == SipParseStatus.Malformed || result.Consumed <= 0)
            {
                owner.CountFramingError();
                return (false, 0);
            }

            var message = pending[..result.Consumed].ToArray();
            offset += result.Consumed;
#pragma warning disable CA1031 // One bad message must not kill the connection loop.
            try
            {
                onPacket(new SipPacket(message, Remote, owner));
            }
            catch (Exception)
            {
                owner.CountFramingError();
            }
#pragma warning restore CA1031
        }

        Array.Copy(buffer, offset, buffer, 0, length - offset);
        return (true, length - offset);
    }
}
