using System.Buffers.Binary;

namespace Vms.Media.Rtp;

/// <summary>Builds complete RTP packets (RFC 3550 §5.1, §5.3.1) into a caller-owned buffer.</summary>
internal static class RtpPacketBuilder
{
    /// <summary>
    /// Writes a packet and returns its length, or −1 when <paramref name="destination"/> is too small.
    /// <paramref name="extension"/> must be a multiple of 4 bytes; <paramref name="padding"/> adds that many
    /// padding bytes (0 for none, 1–255).
    /// </summary>
    public static int Build(
        Span<byte> destination,
        bool marker,
        byte payloadType,
        ushort sequenceNumber,
        uint timestamp,
        uint ssrc,
        ReadOnlySpan<uint> csrcs,
        ushort extensionProfile,
        ReadOnlySpan<byte> extension,
        bool hasExtension,
        ReadOnlySpan<byte> payload,
        int padding)
    {
        if (csrcs.Length > 15 || extension.Length % 4 != 0 || padding is < 0 or > 255 || extension.Length > 4 * ushort.MaxValue)
        {
            return -1;
        }

        var length = RtpHeader.FixedLength + (4 * csrcs.Length) + (hasExtension ? 4 + extension.Length : 0) + payload.Length + padding;
        if (destination.Length < length)
        {
            return -1;
        }

        RtpHeader.WriteFixed(destination, marker, payloadType, sequenceNumber, timestamp, ssrc);
        destination[0] = (byte)(0x80 | (padding > 0 ? 0x20 : 0) | (hasExtension ? 0x10 : 0) | csrcs.Length);
        var offset = RtpHeader.FixedLength;
        foreach (var csrc in csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(offset, 4), csrc);
            offset += 4;
        }

        if (hasExtension)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(offset, 2), extensionProfile);
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(offset + 2, 2), (ushort)(extension.Length / 4));
            extension.CopyTo(destination[(offset + 4)..]);
            offset += 4 + extension.Length;
        }

        payload.CopyTo(destination[offset..]);
        offset += payload.Length;
        if (padding > 0)
        {
            destination.Slice(offset, padding - 1).Clear();
            destination[offset + padding - 1] = (byte)padding;
            offset += padding;
        }

        return offset;
    }
}
