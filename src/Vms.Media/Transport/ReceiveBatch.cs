using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Vms.Media.Transport;

/// <summary>
/// The receive buffers of one epoll loop: <see cref="Capacity"/> datagram buffers, their iovecs, source
/// address buffers and the mmsghdr array for recvmmsg, all on the pinned object heap and built once, so a
/// receive is one system call and no allocation. Used by one thread only.
/// </summary>
internal sealed class ReceiveBatch
{
    public const int Capacity = 16;
    public const int BufferSize = 2048;

    private readonly byte[] _buffers = GC.AllocateArray<byte>(Capacity * BufferSize, pinned: true);
    private readonly byte[] _names = GC.AllocateArray<byte>(Capacity * LinuxNative.SockaddrCapacity, pinned: true);
    private readonly byte[] _iovecs = GC.AllocateArray<byte>(Capacity * LinuxNative.IovecSize, pinned: true);
    private readonly byte[] _messages = GC.AllocateArray<byte>(Capacity * LinuxNative.MmsghdrSize, pinned: true);
    private readonly nint _messagesAddress;
    private int _used = Capacity;

    public ReceiveBatch()
    {
        var buffers = Marshal.UnsafeAddrOfPinnedArrayElement(_buffers, 0);
        var names = Marshal.UnsafeAddrOfPinnedArrayElement(_names, 0);
        var iovecs = Marshal.UnsafeAddrOfPinnedArrayElement(_iovecs, 0);
        _messagesAddress = Marshal.UnsafeAddrOfPinnedArrayElement(_messages, 0);
        for (var i = 0; i < Capacity; i++)
        {
            var iov = _iovecs.AsSpan(i * LinuxNative.IovecSize, LinuxNative.IovecSize);
            BinaryPrimitives.WriteInt64LittleEndian(iov, buffers + (i * BufferSize));
            BinaryPrimitives.WriteInt64LittleEndian(iov[8..], BufferSize);
            var m = _messages.AsSpan(i * LinuxNative.MmsghdrSize, LinuxNative.MmsghdrSize);
            BinaryPrimitives.WriteInt64LittleEndian(m[LinuxNative.MsgNameOffset..], names + (i * LinuxNative.SockaddrCapacity));
            BinaryPrimitives.WriteInt32LittleEndian(m[LinuxNative.MsgNameLenOffset..], LinuxNative.SockaddrCapacity);
            BinaryPrimitives.WriteInt64LittleEndian(m[LinuxNative.MsgIovOffset..], iovecs + (i * LinuxNative.IovecSize));
            BinaryPrimitives.WriteInt64LittleEndian(m[LinuxNative.MsgIovLenOffset..], 1);
        }
    }

    /// <summary>
    /// Takes up to <see cref="Capacity"/> datagrams waiting on <paramref name="fd"/> without blocking; returns
    /// how many (0 when none or on error).
    /// </summary>
    public int Receive(int fd)
    {
        for (var i = 0; i < _used; i++)
        {
            // The kernel shortens msg_namelen to the address it wrote: give the full room back each time.
            BinaryPrimitives.WriteInt32LittleEndian(_messages.AsSpan((i * LinuxNative.MmsghdrSize) + LinuxNative.MsgNameLenOffset), LinuxNative.SockaddrCapacity);
        }

        var n = Math.Max(LinuxNative.RecvMmsg(fd, _messagesAddress, Capacity, LinuxNative.MsgDontWait, 0), 0);
        _used = n;
        return n;
    }

    /// <summary>The datagram of message <paramref name="index"/> (truncated to the buffer size).</summary>
    public ReadOnlySpan<byte> Data(int index)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(_messages.AsSpan((index * LinuxNative.MmsghdrSize) + LinuxNative.MsgLenOffset));
        return _buffers.AsSpan(index * BufferSize, Math.Min(length, BufferSize));
    }

    /// <summary>The source address (native sockaddr bytes) of message <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Source(int index)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(_messages.AsSpan((index * LinuxNative.MmsghdrSize) + LinuxNative.MsgNameLenOffset));
        return _names.AsSpan(index * LinuxNative.SockaddrCapacity, Math.Clamp(length, 0, LinuxNative.SockaddrCapacity));
    }
}
