using System.Buffers.Binary;
using System.Text;
using Vms.Media.Rtp;

namespace Vms.Media.Rtcp;

/// <summary>Parses RTCP compound packets (RFC 3550 §6.1, §6.4.1, §6.4.2, §6.6). Never throws on input.</summary>
public static class RtcpParser
{
    /// <summary>Parses every packet of a compound packet; stops at the first malformed one.</summary>
    public static RtpParseStatus TryParse(ReadOnlySpan<byte> data, out IReadOnlyList<RtcpPacket> packets)
    {
        var list = new List<RtcpPacket>();
        packets = list;
        if (data.Length < 4)
        {
            return RtpParseStatus.TooShort;
        }

        while (data.Length > 0)
        {
            if (data.Length < 4)
            {
                return RtpParseStatus.BadLength;
            }

            if (data[0] >> 6 != 2)
            {
                return RtpParseStatus.BadVersion;
            }

            var length = (BinaryPrimitives.ReadUInt16BigEndian(data[2..]) + 1) * 4;
            if (length > data.Length)
            {
                return RtpParseStatus.BadLength;
            }

            var packet = data[..length];
            var padding = (packet[0] & 0x20) != 0 ? packet[^1] : 0;
            if (padding > length - 4)
            {
                return RtpParseStatus.BadPadding;
            }

            var status = ParseOne(packet[..(length - padding)], out var parsed);
            if (status != RtpParseStatus.Ok)
            {
                return status;
            }

            list.Add(parsed!);
            data = data[length..];
        }

        return RtpParseStatus.Ok;
    }

    private static RtpParseStatus ParseOne(ReadOnlySpan<byte> p, out RtcpPacket? packet)
    {
        packet = null;
        var count = p[0] & 0x1F;
        var type = (RtcpPacketType)p[1];
        switch (type)
        {
            case RtcpPacketType.SenderReport:
                if (p.Length < 28 + (count * RtcpReportBlock.Length))
                {
                    return RtpParseStatus.BadLength;
                }

                var info = new RtcpSenderInfo(
                    BinaryPrimitives.ReadUInt64BigEndian(p[8..]),
                    BinaryPrimitives.ReadUInt32BigEndian(p[16..]),
                    BinaryPrimitives.ReadUInt32BigEndian(p[20..]),
                    BinaryPrimitives.ReadUInt32BigEndian(p[24..]));
                packet = new RtcpPacket(type, BinaryPrimitives.ReadUInt32BigEndian(p[4..]), info, ReadBlocks(p[28..], count), [], null);
                return RtpParseStatus.Ok;
            case RtcpPacketType.ReceiverReport:
                if (p.Length < 8 + (count * RtcpReportBlock.Length))
                {
                    return RtpParseStatus.BadLength;
                }

                packet = new RtcpPacket(type, BinaryPrimitives.ReadUInt32BigEndian(p[4..]), null, ReadBlocks(p[8..], count), [], null);
                return RtpParseStatus.Ok;
            case RtcpPacketType.Bye:
                if (p.Length < 4 + (count * 4))
                {
                    return RtpParseStatus.BadLength;
                }

                var sources = new uint[count];
                for (var i = 0; i < count; i++)
                {
                    sources[i] = BinaryPrimitives.ReadUInt32BigEndian(p[(4 + (4 * i))..]);
                }

                string? reason = null;
                var rest = p[(4 + (4 * count))..];
                if (rest.Length > 0)
                {
                    var n = rest[0];
                    if (n + 1 > rest.Length)
                    {
                        return RtpParseStatus.BadLength;
                    }

                    reason = Encoding.UTF8.GetString(rest.Slice(1, n));
                }

                packet = new RtcpPacket(type, count > 0 ? sources[0] : 0, null, [], sources, reason);
                return RtpParseStatus.Ok;
            default:
                if ((byte)type is < 192 or > 223)
                {
                    return RtpParseStatus.UnknownType;
                }

                var ssrc = p.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(p[4..]) : 0;
                packet = new RtcpPacket(type, ssrc, null, [], [], null);
                return RtpParseStatus.Ok;
        }
    }

    private static RtcpReportBlock[] ReadBlocks(ReadOnlySpan<byte> b, int count)
    {
        var blocks = new RtcpReportBlock[count];
        for (var i = 0; i < count; i++)
        {
            blocks[i] = RtcpReportBlock.Read(b.Slice(i * RtcpReportBlock.Length, RtcpReportBlock.Length));
        }

        return blocks;
    }
}
