namespace Vms.Media;

/// <summary>Per-session media figures (RFC 3550 receive statistics and send counts).</summary>
/// <param name="PacketsReceived">RTP packets accepted from the peer.</param>
/// <param name="PacketsLost">Cumulative packets lost from the peer.</param>
/// <param name="JitterMs">Interarrival jitter in milliseconds.</param>
/// <param name="PacketsSent">RTP packets sent.</param>
/// <param name="PeerReportedFractionLost">Fraction lost (0–1) in the peer's last RTCP report about us, or null.</param>
/// <param name="PacketsRefused">Packets dropped: malformed, wrong source, unknown payload type.</param>
public sealed record MediaStatistics(long PacketsReceived, long PacketsLost, double JitterMs, long PacketsSent, double? PeerReportedFractionLost, long PacketsRefused);
