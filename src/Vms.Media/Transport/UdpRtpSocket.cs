using System.Net;
using System.Net.Sockets;

namespace Vms.Media.Transport;

/// <summary>
/// The portable UDP socket (used where the Linux epoll engine is not available), with an allocation-free steady state: one receive loop on <see cref="Socket.ReceiveFromAsync(Memory{byte}, SocketFlags, SocketAddress, CancellationToken)"/>
/// with a reused buffer and <see cref="SocketAddress"/>, and sends through a cached <see cref="SocketAddress"/>
/// of the last destination; an <see cref="IPEndPoint"/> is created only when the peer's address changes.
/// </summary>
internal sealed class UdpRtpSocket : IRtpSocket
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[2048];
    private readonly SocketAddress _receiveAddress;
    private readonly SocketAddress _lastSourceAddress;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _sendLock = new();
    private IPEndPoint? _lastSource;
    private IPEndPoint? _lastDestination;
    private SocketAddress? _destinationAddress;

    public UdpRtpSocket(Socket socket)
    {
        _socket = socket;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _receiveAddress = new SocketAddress(socket.AddressFamily);
        _lastSourceAddress = new SocketAddress(socket.AddressFamily);
    }

    public IPEndPoint LocalEndPoint { get; }

    public long SendErrors { get; private set; }

    /// <summary>Exceptions thrown by the receiver (caught so the loop goes on).</summary>
    public long ReceiverFaults { get; private set; }

    public void Send(ReadOnlySpan<byte> datagram, IPEndPoint destination)
    {
        lock (_sendLock)
        {
            if (!ReferenceEquals(destination, _lastDestination))
            {
                _destinationAddress = destination.Serialize();
                _lastDestination = destination;
            }

            try
            {
                _socket.SendTo(datagram, SocketFlags.None, _destinationAddress!);
            }
            catch (SocketException)
            {
                SendErrors++;
            }
            catch (ObjectDisposedException)
            {
                SendErrors++;
            }
        }
    }

    public void Start(IDatagramReceiver receiver) => _ = ReceiveLoop(receiver);

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoop(IDatagramReceiver receiver)
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveFromAsync(_buffer, SocketFlags.None, _receiveAddress, token);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                continue; // ICMP port unreachable from an earlier send
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (_lastSource is null || !_receiveAddress.Equals(_lastSourceAddress))
            {
                _receiveAddress.Buffer.Span.CopyTo(_lastSourceAddress.Buffer.Span);
                _lastSourceAddress.Size = _receiveAddress.Size;
                _lastSource = (IPEndPoint)LocalEndPoint.Create(_receiveAddress);
            }

            try
            {
                receiver.OnDatagram(this, _buffer.AsSpan(0, length), _lastSource);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                ReceiverFaults++; // a receiver's bug must not end this socket's receive loop
            }
        }
    }
}
