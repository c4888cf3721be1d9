using System.Buffers.Binary;

namespace Vms.Media.Tests.TestSupport;

/// <summary>A tiny classic-libpcap reader: Ethernet/IPv4/UDP payloads only.</summary>
internal static class PcapReader
{
    public static List<byte[]> ReadUdpPayloads(byte[] file)
    {
        var result = new List<byte[]>();
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        Assert.Equal(0xA1B2C3D4u, magic);
        var linkType = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(20));
        Assert.Equal(1u, linkType);
        var offset = 24;
        while (offset + 16 <= file.Length)
        {
            var captured = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 8));
            var frame = file.AsSpan(offset + 16, captured);
            offset += 16 + captured;
            if (BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800)
            {
                continue;
            }

            var ip = frame[14..];
            var ihl = (ip[0] & 0x0F) * 4;
            if (ip[9] != 17)
            {
                continue;
            }

            var udp = ip[ihl..];
            var udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
            result.Add(udp[8..udpLength].ToArray());
        }

        return result;
    }
}
