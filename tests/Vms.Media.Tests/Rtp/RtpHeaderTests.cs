using Vms.Media.Rtp;

namespace Vms.Media.Tests.Rtp;

[Trait("rfc", "3550")]
public class RtpHeaderTests
{
    // RFC 3550 §5.1 figure: V=2 P X CC M PT seq / timestamp / SSRC / CSRC list.
    private static readonly byte[] Figure1Packet =
    [
        0b1000_0010, 0b1000_0000, 0x12, 0x34, // V=2, P=0, X=0, CC=2, M=1, PT=0, seq 0x1234
        0xDE, 0xAD, 0xBE, 0xEF,               // timestamp
        0x01, 0x02, 0x03, 0x04,               // SSRC
        0x0A, 0x0B, 0x0C, 0x0D,               // CSRC 1
        0x1A, 0x1B, 0x1C, 0x1D,               // CSRC 2
        0xFF, 0xFF,                           // payload
    ];

    [Fact]
    public void TryParse_Section5_1FixedHeaderWithCsrcs_ReadsEveryField()
    {
        Assert.Equal(RtpParseStatus.Ok, RtpHeader.TryParse(Figure1Packet, out var h));
        Assert.False(h.Padding);
        Assert.False(h.HasExtension);
        Assert.Equal(2, h.CsrcCount);
        Assert.True(h.Marker);
        Assert.Equal(0, h.PayloadType);
        Assert.Equal(0x1234, h.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, h.Timestamp);
        Assert.Equal(0x01020304u, h.Ssrc);
        Assert.Equal(0x0A0B0C0Du, h.GetCsrc(Figure1Packet, 0));
        Assert.Equal(0x1A1B1C1Du, h.GetCsrc(Figure1Packet, 1));
        Assert.Equal(20, h.PayloadOffset);
        Assert.Equal(new byte[] { 0xFF, 0xFF }, h.GetPayload(Figure1Packet).ToArray());
    }

    [Fact]
    public void Build_Section5_1FixedHeaderWithCsrcs_ProducesFigureBytes()
    {
        var buffer = new byte[64];
        var n = RtpPacketBuilder.Build(buffer, true, 0, 0x1234, 0xDEADBEEF, 0x01020304, [0x0A0B0C0D, 0x1A1B1C1D], 0, [], false, [0xFF, 0xFF], 0);
        Assert.Equal(Figure1Packet, buffer[..n]);
    }

    [Fact]
    public void TryParse_Section5_3_1HeaderExtension_SkipsExtensionToPayload()
    {
        // defined by profile = 0xBEDE, length = 1 word, then one word of extension, then payload.
        byte[] packet = [0x90, 0x08, 0, 1, 0, 0, 0, 160, 0, 0, 0, 7, 0xBE, 0xDE, 0x00, 0x01, 1, 2, 3, 4, 0xD5, 0xD5];
        Assert.Equal(RtpParseStatus.Ok, RtpHeader.TryParse(packet, out var h));
        Assert.True(h.HasExtension);
        Assert.Equal(0xBEDE, h.ExtensionProfile);
        Assert.Equal(16, h.ExtensionOffset);
        Assert.Equal(4, h.ExtensionLength);
        Assert.Equal(20, h.PayloadOffset);
        Assert.Equal(2, h.PayloadLength);
        var rebuilt = new byte[64];
        var n = RtpPacketBuilder.Build(rebuilt, false, 8, 1, 160, 7, [], 0xBEDE, [1, 2, 3, 4], true, [0xD5, 0xD5], 0);
        Assert.Equal(packet, rebuilt[..n]);
    }

    [Fact]
    public void TryParse_Section5_1Padding_ExcludesPaddingFromPayload()
    {
        var buffer = new byte[64];
        var n = RtpPacketBuilder.Build(buffer, false, 0, 9, 9, 9, [], 0, [], false, [1, 2, 3], 4);
        Assert.Equal(RtpParseStatus.Ok, RtpHeader.TryParse(buffer.AsSpan(0, n), out var h));
        Assert.True(h.Padding);
        Assert.Equal(4, h.PaddingLength);
        Assert.Equal(3, h.PayloadLength);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0, 0 }, RtpParseStatus.TooShort)]
    [InlineData(new byte[] { 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseStatus.BadVersion)]
    [InlineData(new byte[] { 0x81, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseStatus.TruncatedCsrc)]
    [InlineData(new byte[] { 0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9 }, RtpParseStatus.TruncatedExtension)]
    [InlineData(new byte[] { 0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 99 }, RtpParseStatus.BadPadding)]
    [InlineData(new byte[] { 0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseStatus.BadPadding)]
    public void TryParse_MalformedPacket_ReturnsReason(byte[] packet, RtpParseStatus expected)
    {
        Assert.Equal(expected, RtpHeader.TryParse(packet, out _));
    }

    [Fact]
    public void Rewrite_InPlace_ChangesSequenceTimestampSsrcOnly()
    {
        var packet = (byte[])Figure1Packet.Clone();
        RtpHeader.Rewrite(packet, 7, 8, 9);
        RtpHeader.RewritePayloadType(packet, 101);
        Assert.Equal(RtpParseStatus.Ok, RtpHeader.TryParse(packet, out var h));
        Assert.Equal((7, 8u, 9u, (byte)101, true), (h.SequenceNumber, h.Timestamp, h.Ssrc, h.PayloadType, h.Marker));
        Assert.Equal(2, h.CsrcCount);
    }
}
