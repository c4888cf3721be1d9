using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Vms.Media.Benchmarks;

/// <summary>
/// A pinned mmsghdr array with one buffer, one address and one control buffer per message, for sendmmsg and
/// recvmmsg without allocation (LP64 layout: msghdr name 0, namelen 8, iov 16, iovlen 24, control 32,
/// controllen 40, flags 48; msg_len 56).
/// </summary>
internal sealed class MessageBatch
{
    public const int NameSize = 32;
    public const int ControlSize = 64;
    private readonly byte[] _buffers;
    private readonly byte[] _names;
    private readonly byte[] _control;
    private readonly byte[] _iov;
    private readonly byte[] _messages;
    private readonly int _bufferSize;

    public MessageBatch(int capacity, int bufferSize, bool withControl)
    {
        Capacity = capacity;
        _bufferSize = bufferSize;
        _buffers = GC.AllocateArray<byte>(capacity * bufferSize, pinned: true);
        _names = GC.AllocateArray<byte>(capacity * NameSize, pinned: true);
        _control = GC.AllocateArray<byte>(capacity * ControlSize, pinned: true);
        _iov = GC.AllocateArray<byte>(capacity * 16, pinned: true);
        _messages = GC.AllocateArray<byte>(capacity * BenchNative.MmsghdrSize, pinned: true);
        Address = Marshal.UnsafeAddrOfPinnedArrayElement(_messages, 0);
        var buffers = Marshal.UnsafeAddrOfPinnedArrayElement(_buffers, 0);
        var names = Marshal.UnsafeAddrOfPinnedArrayElement(_names, 0);
        var control = Marshal.UnsafeAddrOfPinnedArrayElement(_control, 0);
        var iov = Marshal.UnsafeAddrOfPinnedArrayElement(_iov, 0);
        for (var i = 0; i < capacity; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_iov.AsSpan(i * 16), buffers + (i * bufferSize));
            BinaryPrimitives.WriteInt64LittleEndian(_iov.AsSpan((i * 16) + 8), bufferSize);
            var m = _messages.AsSpan(i * BenchNative.MmsghdrSize);
            BinaryPrimitives.WriteInt64LittleEndian(m, names + (i * NameSize));
            BinaryPrimitives.WriteInt32LittleEndian(m[8..], NameSize);
            BinaryPrimitives.WriteInt64LittleEndian(m[16..], iov + (i * 16));
            BinaryPrimitives.WriteInt64LittleEndian(m[24..], 1);
            if (withControl)
            {
                BinaryPrimitives.WriteInt64LittleEndian(m[32..], control + (i * ControlSize));
                BinaryPrimitives.WriteInt64LittleEndian(m[40..], ControlSize);
            }
        }
    }

    public int Capacity { get; }

    public nint Address { get; }

    /// <summary>The whole buffer of message <paramref name="i"/>.</summary>
    public Span<byte> Buffer(int i) => _buffers.AsSpan(i * _bufferSize, _bufferSize);

    /// <summary>The address buffer of message <paramref name="i"/>.</summary>
    public Span<byte> Name(int i) => _names.AsSpan(i * NameSize, NameSize);

    /// <summary>Received length of message <paramref name="i"/>.</summary>
    public int Length(int i) => BinaryPrimitives.ReadInt32LittleEndian(_messages.AsSpan((i * BenchNative.MmsghdrSize) + 56));

    /// <summary>Sets the length to send and the address length of message <paramref name="i"/>.</summary>
    public void Prepare(int i, int length, int nameLength)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_iov.AsSpan((i * 16) + 8), length);
        BinaryPrimitives.WriteInt32LittleEndian(_messages.AsSpan((i * BenchNative.MmsghdrSize) + 8), nameLength);
    }

    /// <summary>Resets message <paramref name="i"/> for a receive (full buffer, address and control room).</summary>
    public void PrepareReceive(int i)
    {
        var m = _messages.AsSpan(i * BenchNative.MmsghdrSize);
        BinaryPrimitives.WriteInt64LittleEndian(_iov.AsSpan((i * 16) + 8), _bufferSize);
        BinaryPrimitives.WriteInt32LittleEndian(m[8..], NameSize);
        BinaryPrimitives.WriteInt64LittleEndian(m[40..], ControlSize);
    }

    /// <summary>The SO_TIMESTAMPNS kernel receive time of message <paramref name="i"/> in ns, or 0.</summary>
    public long KernelTimestampNs(int i)
    {
        var m = _messages.AsSpan(i * BenchNative.MmsghdrSize);
        var controlLength = (int)BinaryPrimitives.ReadInt64LittleEndian(m[40..]);
        var c = _control.AsSpan(i * ControlSize, ControlSize);
        var at = 0;
        while (at + 16 <= controlLength)
        {
            var len = (int)BinaryPrimitives.ReadInt64LittleEndian(c[at..]);
            var level = BinaryPrimitives.ReadInt32LittleEndian(c[(at + 8)..]);
            var type = BinaryPrimitives.ReadInt32LittleEndian(c[(at + 12)..]);
            if (len < 16)
            {
                return 0;
            }

            if (level == BenchNative.SolSocket && type == BenchNative.SoTimestampNs && at + 32 <= ControlSize)
            {
                return (BinaryPrimitives.ReadInt64LittleEndian(c[(at + 16)..]) * 1_000_000_000) + BinaryPrimitives.ReadInt64LittleEndian(c[(at + 24)..]);
            }

            at += (len + 7) & ~7;
        }

        return 0;
    }
}
