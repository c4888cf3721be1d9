namespace Vms.Media.Rtp;

/// <summary>Outcome of parsing an RTP or RTCP packet.</summary>
public enum RtpParseStatus
{
    /// <summary>The packet is well formed.</summary>
    Ok,

    /// <summary>Shorter than the fixed header.</summary>
    TooShort,

    /// <summary>Version field is not 2.</summary>
    BadVersion,

    /// <summary>The CSRC list runs past the end of the packet.</summary>
    TruncatedCsrc,

    /// <summary>The header extension runs past the end of the packet.</summary>
    TruncatedExtension,

    /// <summary>The padding count is 0 or larger than the packet.</summary>
    BadPadding,

    /// <summary>An RTCP length field does not match the bytes present.</summary>
    BadLength,

    /// <summary>The RTCP packet type is not one this parser reads.</summary>
    UnknownType,
}
