using System.Buffers.Binary;
using System.Text;

namespace Vms.Media.Rtcp;

/// <summary>
/// Writes RTCP packets into caller-owned buffers (RFC 3550 §6.4.1 SR, §6.4.2 RR, §6.5 SDES CNAME, §6.6 BYE).
/// Each method returns the number of bytes written, or −1 when the buffer is too small.
/// </summary>
public static class RtcpWriter
{
    /// <summary>Writes a sender report.</summary>
    public static int WriteSenderReport(Span<byte> destination, uint ssrc, RtcpSenderInfo info, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        var length = 28 + (blocks.Length * RtcpReportBlock.Length);
        if (blocks.Length > 31 || destination.Length < length)
        {
            return -1;
        }

        WriteCommon(destination, blocks.Length, RtcpPacketType.SenderReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], info.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], info.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], info.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], info.OctetCount);
        WriteBlocks(destination[28..], blocks);
        return length;
    }

    /// <summary>Writes a receiver report.</summary>
    public static int WriteReceiverReport(Span<byte> destination, uint ssrc, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        var length = 8 + (blocks.Length * RtcpReportBlock.Length);
        if (blocks.Length > 31 || destination.Length < length)
        {
            return -1;
        }

        WriteCommon(destination, blocks.Length, RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        WriteBlocks(destination[8..], blocks);
        return length;
    }

    /// <summary>Writes an SDES packet with one chunk holding a CNAME item.</summary>
    public static int WriteSdesCname(Span<byte> destination, uint ssrc, string cname)
    {
        var nameLength = Math.Min(Encoding.UTF8.GetByteCount(cname), 255);
        var raw = 4 + 4 + 2 + nameLength + 1;
        var length = (raw + 3) & ~3;
        if (destination.Length < length)
        {
            return -1;
        }

        destination[..length].Clear();
        WriteCommon(destination, 1, RtcpPacketType.SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = 1;
        destination[9] = (byte)nameLength;
        Span<byte> name = stackalloc byte[Encoding.UTF8.GetByteCount(cname)];
        Encoding.UTF8.GetBytes(cname, name);
        name[..nameLength].CopyTo(destination[10..]);
        return length;
    }

    /// <summary>Writes a BYE for the given sources with an optional reason.</summary>
    public static int WriteBye(Span<byte> destination, ReadOnlySpan<uint> sources, string? reason)
    {
        var reasonLength = reason is null ? 0 : Math.Min(Encoding.UTF8.GetByteCount(reason), 255);
        var raw = 4 + (4 * sources.Length) + (reason is null ? 0 : 1 + reasonLength);
        var length = (raw + 3) & ~3;
        if (sources.Length > 31 || destination.Length < length)
        {
            return -1;
        }

        destination[..length].Clear();
        WriteCommon(destination, sources.Length, RtcpPacketType.Bye, length);
        for (var i = 0; i < sources.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 + (4 * i))..], sources[i]);
        }

        if (reason is not null)
        {
            var at = 4 + (4 * sources.Length);
            destination[at] = (byte)reasonLength;
            var bytes = Encoding.UTF8.GetBytes(reason);
            bytes.AsSpan(0, reasonLength).CopyTo(destination[(at + 1)..]);
        }

        return length;
    }

    /// <summary>Converts a time to the 64-bit NTP format of an SR.</summary>
    public static ulong ToNtp(DateTimeOffset time)
    {
        var since1900 = time - new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var seconds = (ulong)since1900.Ticks / TimeSpan.TicksPerSecond;
        var fraction = (ulong)since1900.Ticks % TimeSpan.TicksPerSecond;
        return (seconds << 32) | ((fraction << 32) / TimeSpan.TicksPerSecond);
    }

    private static void WriteCommon(Span<byte> destination, int count, RtcpPacketType type, int length)
    {
        destination[0] = (byte)(0x80 | count);
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }

    private static void WriteBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i].Write(destination.Slice(i * RtcpReportBlock.Length, RtcpReportBlock.Length));
        }
    }
}
