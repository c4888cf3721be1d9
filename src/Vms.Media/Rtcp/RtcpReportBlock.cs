using System.Buffers.Binary;

namespace Vms.Media.Rtcp;

/// <summary>One reception report block of an SR or RR (RFC 3550 §6.4.1).</summary>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    /// <summary>Size of a report block in bytes.</summary>
    public const int Length = 24;

    internal static RtcpReportBlock Read(ReadOnlySpan<byte> b)
    {
        var lost = (b[5] << 16) | (b[6] << 8) | b[7];
        if ((lost & 0x800000) != 0)
        {
            lost |= unchecked((int)0xFF000000);
        }

        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(b),
            b[4],
            lost,
            BinaryPrimitives.ReadUInt32BigEndian(b[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(b[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(b[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(b[20..]));
    }

    internal void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt32BigEndian(b, Ssrc);
        var lost = Math.Clamp(CumulativeLost, -0x800000, 0x7FFFFF);
        b[4] = FractionLost;
        b[5] = (byte)(lost >> 16);
        b[6] = (byte)(lost >> 8);
        b[7] = (byte)lost;
        BinaryPrimitives.WriteUInt32BigEndian(b[8..], ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(b[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(b[16..], LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(b[20..], DelaySinceLastSenderReport);
    }
}
