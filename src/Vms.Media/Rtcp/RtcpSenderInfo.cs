namespace Vms.Media.Rtcp;

/// <summary>The sender information of an SR (RFC 3550 §6.4.1).</summary>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    /// <summary>The middle 32 bits of the NTP timestamp, as echoed in LSR fields.</summary>
    public uint MiddleNtp => (uint)(NtpTimestamp >> 16);
}
