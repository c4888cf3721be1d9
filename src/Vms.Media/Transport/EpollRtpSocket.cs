using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Vms.Media.Transport;

/// <summary>
/// A UDP socket served by an <see cref="EpollReceiveLoop"/> (Linux): datagrams are read with recvmmsg on the
/// loop's thread and delivered inline; sends are one non-blocking sendto to a cached native address (a full
/// send buffer drops the datagram and counts it, it never blocks the media threads). An <see cref="IPEndPoint"/>
/// is created only when the source or destination address changes. Closing removes the socket from epoll and
/// waits until the loop is out of it, so the descriptor is never read after close (or reused underneath).
/// </summary>
internal sealed class EpollRtpSocket : IRtpSocket
{
    private readonly Socket _socket;
    private readonly EpollReceiveLoop _loop;
    private readonly int _fd;
    private readonly Lock _sendLock = new();
    private readonly byte[] _lastSourceName = new byte[LinuxNative.SockaddrCapacity];
    private readonly byte[] _destinationName = new byte[LinuxNative.SockaddrCapacity];
    private int _lastSourceLength;
    private int _destinationLength;
    private IPEndPoint? _lastSource;
    private IPEndPoint? _lastDestination;
    private IDatagramReceiver? _receiver;
    private int _receiving;
    private int _disposed;
    private bool _registered;
    private bool _closeAfterReceive;
    private long _sendErrors;

    public EpollRtpSocket(Socket socket, EpollReceiveLoop loop)
    {
        _socket = socket;
        _loop = loop;
        _fd = (int)socket.SafeHandle.DangerousGetHandle();
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Datagrams not sent (buffer full, unreachable, closed).</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    /// <summary>The loop's key for this socket (set by the loop).</summary>
    internal ulong Key { get; set; }

    public void Send(ReadOnlySpan<byte> datagram, IPEndPoint destination)
    {
        lock (_sendLock)
        {
            // Checked under the lock Dispose also takes: the descriptor is never used after it is closed.
            if (Volatile.Read(ref _disposed) != 0 || datagram.IsEmpty)
            {
                Interlocked.Increment(ref _sendErrors);
                return;
            }

            if (!ReferenceEquals(destination, _lastDestination))
            {
                _destinationLength = Write(destination, _socket.AddressFamily, _destinationName);
                _lastDestination = destination;
            }

            if (_destinationLength == 0)
            {
                Interlocked.Increment(ref _sendErrors);
                return;
            }

            var sent = LinuxNative.SendTo(_fd, ref MemoryMarshal.GetReference(datagram), (nuint)datagram.Length, LinuxNative.MsgDontWait, ref _destinationName[0], _destinationLength);
            if (sent < 0)
            {
                Interlocked.Increment(ref _sendErrors);
            }
        }
    }

    public void Start(IDatagramReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        _receiver = receiver;
        if (!_registered && Volatile.Read(ref _disposed) == 0)
        {
            _registered = true;
            _loop.Add(this, _fd);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (_sendLock)
        {
            // no send is in flight once we hold it; later sends see _disposed
        }

        if (_registered)
        {
            _loop.Remove(Key, _fd);
        }

        if (Environment.CurrentManagedThreadId == _loop.ThreadId && Volatile.Read(ref _receiving) != 0)
        {
            _closeAfterReceive = true; // disposed from its own receive callback: close once the loop is out
            return;
        }

        var spin = default(SpinWait);
        while (Volatile.Read(ref _receiving) != 0)
        {
            spin.SpinOnce();
        }

        _socket.Dispose();
    }

    /// <summary>Called by the loop when the socket is readable: reads what is waiting and delivers it.</summary>
    internal void OnReadable(ReceiveBatch batch)
    {
        Interlocked.Exchange(ref _receiving, 1); // a full fence: Dispose either sees us or we see it
        try
        {
            if (Volatile.Read(ref _disposed) != 0 || _receiver is not { } receiver)
            {
                return;
            }

            var count = batch.Receive(_fd);
            for (var i = 0; i < count && Volatile.Read(ref _disposed) == 0; i++)
            {
                if (SourceOf(batch.Source(i)) is { } source)
                {
                    try
                    {
                        receiver.OnDatagram(this, batch.Data(i), source);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // A receiver's bug (or an event handler's) must not stop every other call's media.
                        _loop.ReportFault(e);
                    }
                }
            }
        }
        finally
        {
            Volatile.Write(ref _receiving, 0);
        }

        if (_closeAfterReceive)
        {
            _socket.Dispose();
        }
    }

    private IPEndPoint? SourceOf(ReadOnlySpan<byte> name)
    {
        if (_lastSource is not null && name.SequenceEqual(_lastSourceName.AsSpan(0, _lastSourceLength)))
        {
            return _lastSource;
        }

        var source = Parse(name);
        if (source is not null)
        {
            name.CopyTo(_lastSourceName);
            _lastSourceLength = name.Length;
            _lastSource = source;
        }

        return source;
    }

    /// <summary>Writes the native sockaddr of <paramref name="endPoint"/>; returns its length (0 when impossible).</summary>
    internal static int Write(IPEndPoint endPoint, AddressFamily socketFamily, Span<byte> name)
    {
        var address = endPoint.Address;
        if (socketFamily == AddressFamily.InterNetworkV6 && address.AddressFamily == AddressFamily.InterNetwork)
        {
            address = address.MapToIPv6();
        }

        name.Clear();
        BinaryPrimitives.WriteUInt16BigEndian(name[2..], (ushort)endPoint.Port);
        if (address.AddressFamily == AddressFamily.InterNetwork && socketFamily == AddressFamily.InterNetwork)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(name, 2);
            return address.TryWriteBytes(name.Slice(4, 4), out _) ? 16 : 0;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && socketFamily == AddressFamily.InterNetworkV6)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(name, 10);
            BinaryPrimitives.WriteUInt32LittleEndian(name[24..], (uint)address.ScopeId);
            return address.TryWriteBytes(name.Slice(8, 16), out _) ? 28 : 0;
        }

        return 0;
    }

    private static IPEndPoint? Parse(ReadOnlySpan<byte> name)
    {
        const int AfInet = 2;
        const int AfInet6 = 10;
        if (name.Length < 16)
        {
            return null;
        }

        var family = BinaryPrimitives.ReadUInt16LittleEndian(name);
        var port = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        return family switch
        {
            AfInet => new IPEndPoint(new IPAddress(name.Slice(4, 4)), port),
            AfInet6 when name.Length >= 28 => new IPEndPoint(new IPAddress(name.Slice(8, 16), BinaryPrimitives.ReadUInt32LittleEndian(name[24..])), port),
            _ => null,
        };
    }
}
