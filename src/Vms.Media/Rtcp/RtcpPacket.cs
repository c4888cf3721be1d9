namespace Vms.Media.Rtcp;

/// <summary>
/// One parsed RTCP packet of a compound packet: SR, RR or BYE in full; other types with their type and SSRC
/// only.
/// </summary>
public sealed record RtcpPacket(
    RtcpPacketType Type,
    uint Ssrc,
    RtcpSenderInfo? SenderInfo,
    IReadOnlyList<RtcpReportBlock> ReportBlocks,
    IReadOnlyList<uint> ByeSources,
    string? ByeReason);
