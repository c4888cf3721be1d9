using Vms.Media.Rtcp;
using Vms.Media.Rtp;

namespace Vms.Media.Tests.Rtcp;

[Trait("rfc", "3550")]
public class RtcpTests
{
    private static readonly RtcpReportBlock Block = new(0x11223344, 64, -3, 0x0001FFFF, 77, 0xAABBCCDD, 0x10000);

    [Fact]
    public void WriteSenderReport_Section6_4_1Layout_BytesAndRoundTrip()
    {
        var buffer = new byte[128];
        var n = RtcpWriter.WriteSenderReport(buffer, 0xCAFEBABE, new RtcpSenderInfo(0x0102030405060708, 160, 10, 1600), [Block]);
        Assert.Equal(52, n);
        Assert.Equal(new byte[] { 0x81, 200, 0, 12, 0xCA, 0xFE, 0xBA, 0xBE }, buffer[..8]);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, buffer[8..16]);
        Assert.Equal(new byte[] { 64, 0xFF, 0xFF, 0xFD }, buffer[32..36]); // fraction lost, cumulative lost −3 (24-bit two's complement)
        Assert.Equal(RtpParseStatus.Ok, RtcpParser.TryParse(buffer.AsSpan(0, n), out var packets));
        var sr = Assert.Single(packets);
        Assert.Equal(RtcpPacketType.SenderReport, sr.Type);
        Assert.Equal(0xCAFEBABEu, sr.Ssrc);
        Assert.Equal(0x03040506u, sr.SenderInfo!.Value.MiddleNtp);
        Assert.Equal(Block, Assert.Single(sr.ReportBlocks));
    }

    [Fact]
    public void WriteReceiverReport_Section6_4_2Layout_RoundTrips()
    {
        var buffer = new byte[128];
        var n = RtcpWriter.WriteReceiverReport(buffer, 5, [Block, Block with { Ssrc = 9 }]);
        Assert.Equal(8 + 48, n);
        Assert.Equal(new byte[] { 0x82, 201, 0, 13 }, buffer[..4]);
        Assert.Equal(RtpParseStatus.Ok, RtcpParser.TryParse(buffer.AsSpan(0, n), out var packets));
        Assert.Equal(2, packets[0].ReportBlocks.Count);
        Assert.Equal(9u, packets[0].ReportBlocks[1].Ssrc);
    }

    [Fact]
    public void WriteBye_Section6_6WithReason_PaddedToWordAndRoundTrips()
    {
        var buffer = new byte[64];
        var n = RtcpWriter.WriteBye(buffer, [0xA, 0xB], "bye");
        Assert.Equal(16, n);
        Assert.Equal(new byte[] { 0x82, 203, 0, 3 }, buffer[..4]);
        Assert.Equal(RtpParseStatus.Ok, RtcpParser.TryParse(buffer.AsSpan(0, n), out var packets));
        Assert.Equal(new uint[] { 0xA, 0xB }, packets[0].ByeSources);
        Assert.Equal("bye", packets[0].ByeReason);
    }

    [Fact]
    public void TryParse_CompoundRrSdesBye_ReadsAllThree()
    {
        var buffer = new byte[256];
        var n = RtcpWriter.WriteReceiverReport(buffer, 5, [Block]);
        n += RtcpWriter.WriteSdesCname(buffer.AsSpan(n), 5, "vms@127.0.0.1");
        n += RtcpWriter.WriteBye(buffer.AsSpan(n), [5], null);
        Assert.Equal(RtpParseStatus.Ok, RtcpParser.TryParse(buffer.AsSpan(0, n), out var packets));
        Assert.Equal([RtcpPacketType.ReceiverReport, RtcpPacketType.SourceDescription, RtcpPacketType.Bye], packets.Select(p => p.Type));
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 200, 0, 9 })]
    [InlineData(new byte[] { 0x80, 201 })]
    [InlineData(new byte[] { 0x40, 201, 0, 1, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x81, 201, 0, 1, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x80, 99, 0, 1, 0, 0, 0, 0 })]
    public void TryParse_Malformed_ReturnsStatusWithoutThrowing(byte[] data)
    {
        Assert.NotEqual(RtpParseStatus.Ok, RtcpParser.TryParse(data, out _));
    }

    [Fact]
    public void ToNtp_UnixEpoch_Is2208988800Seconds()
    {
        Assert.Equal(2208988800UL << 32, RtcpWriter.ToNtp(DateTimeOffset.UnixEpoch));
    }
}
