using System.Buffers.Binary;

namespace Vms.Media.Rtp;

/// <summary>
/// The fixed RTP header (RFC 3550 §5.1) of a parsed packet, with the offsets of the CSRC list, the header
/// extension (§5.3.1) and the payload inside the packet. Parsing never allocates and never throws.
/// </summary>
public readonly record struct RtpHeader
{
    /// <summary>Length of the fixed header in bytes.</summary>
    public const int FixedLength = 12;

    /// <summary>The P bit.</summary>
    public bool Padding { get; init; }

    /// <summary>The X bit.</summary>
    public bool HasExtension { get; init; }

    /// <summary>The number of CSRC identifiers (CC).</summary>
    public int CsrcCount { get; init; }

    /// <summary>The M bit.</summary>
    public bool Marker { get; init; }

    /// <summary>The payload type (PT), 0–127.</summary>
    public byte PayloadType { get; init; }

    /// <summary>The sequence number.</summary>
    public ushort SequenceNumber { get; init; }

    /// <summary>The RTP timestamp.</summary>
    public uint Timestamp { get; init; }

    /// <summary>The synchronisation source.</summary>
    public uint Ssrc { get; init; }

    /// <summary>The profile-defined 16 bits of the header extension (0 when there is none).</summary>
    public ushort ExtensionProfile { get; init; }

    /// <summary>Offset of the header extension data (after its 4-byte header) in the packet.</summary>
    public int ExtensionOffset { get; init; }

    /// <summary>Length in bytes of the header extension data.</summary>
    public int ExtensionLength { get; init; }

    /// <summary>Offset of the payload in the packet (the total header length).</summary>
    public int PayloadOffset { get; init; }

    /// <summary>Length of the payload without padding.</summary>
    public int PayloadLength { get; init; }

    /// <summary>Number of padding bytes at the end of the packet (0 when P is clear).</summary>
    public int PaddingLength { get; init; }

    /// <summary>The CSRC identifier at <paramref name="index"/> read from the packet the header was parsed from.</summary>
    public uint GetCsrc(ReadOnlySpan<byte> packet, int index)
    {
        if ((uint)index >= (uint)CsrcCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(FixedLength + (4 * index), 4));
    }

    /// <summary>The payload bytes inside <paramref name="packet"/>.</summary>
    public ReadOnlySpan<byte> GetPayload(ReadOnlySpan<byte> packet) => packet.Slice(PayloadOffset, PayloadLength);

    /// <summary>
    /// Parses the RTP header of <paramref name="packet"/>. Never throws: a malformed packet gives a status other
    /// than <see cref="RtpParseStatus.Ok"/>.
    /// </summary>
    public static RtpParseStatus TryParse(ReadOnlySpan<byte> packet, out RtpHeader header)
    {
        header = default;
        if (packet.Length < FixedLength)
        {
            return RtpParseStatus.TooShort;
        }

        var b0 = packet[0];
        if (b0 >> 6 != 2)
        {
            return RtpParseStatus.BadVersion;
        }

        var b1 = packet[1];
        var padding = (b0 & 0x20) != 0;
        var extension = (b0 & 0x10) != 0;
        var cc = b0 & 0x0F;
        var offset = FixedLength + (4 * cc);
        if (packet.Length < offset)
        {
            return RtpParseStatus.TruncatedCsrc;
        }

        ushort profile = 0;
        int extOffset = 0, extLength = 0;
        if (extension)
        {
            if (packet.Length < offset + 4)
            {
                return RtpParseStatus.TruncatedExtension;
            }

            profile = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(offset, 2));
            extLength = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(offset + 2, 2)) * 4;
            extOffset = offset + 4;
            offset = extOffset + extLength;
            if (packet.Length < offset)
            {
                return RtpParseStatus.TruncatedExtension;
            }
        }

        var paddingLength = 0;
        if (padding)
        {
            paddingLength = packet[^1];
            if (paddingLength == 0 || offset + paddingLength > packet.Length)
            {
                return RtpParseStatus.BadPadding;
            }
        }

        header = new RtpHeader
        {
            Padding = padding,
            HasExtension = extension,
            CsrcCount = cc,
            Marker = (b1 & 0x80) != 0,
            PayloadType = (byte)(b1 & 0x7F),
            SequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(2, 2)),
            Timestamp = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(4, 4)),
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(8, 4)),
            ExtensionProfile = profile,
            ExtensionOffset = extOffset,
            ExtensionLength = extLength,
            PayloadOffset = offset,
            PayloadLength = packet.Length - offset - paddingLength,
            PaddingLength = paddingLength,
        };
        return RtpParseStatus.Ok;
    }

    /// <summary>
    /// Writes a 12-byte fixed header without CSRCs or extension and returns its length.
    /// </summary>
    public static int WriteFixed(Span<byte> destination, bool marker, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        if (destination.Length < FixedLength)
        {
            throw new ArgumentException("Destination too small for an RTP header.", nameof(destination));
        }

        destination[0] = 0x80;
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2, 2), sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4, 4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8, 4), ssrc);
        return FixedLength;
    }

    /// <summary>Rewrites sequence number, timestamp and SSRC of a packet in place (relay use).</summary>
    public static void Rewrite(Span<byte> packet, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        BinaryPrimitives.WriteUInt16BigEndian(packet.Slice(2, 2), sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(4, 4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(8, 4), ssrc);
    }

    /// <summary>Rewrites the payload type of a packet in place, keeping the marker bit.</summary>
    public static void RewritePayloadType(Span<byte> packet, byte payloadType) =>
        packet[1] = (byte)((packet[1] & 0x80) | (payloadType & 0x7F));
}
