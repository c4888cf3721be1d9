namespace Vms.Media.Rtcp;

/// <summary>RTCP packet types (RFC 3550 §12.1).</summary>
public enum RtcpPacketType : byte
{
    /// <summary>Sender report.</summary>
    SenderReport = 200,

    /// <summary>Receiver report.</summary>
    ReceiverReport = 201,

    /// <summary>Source description.</summary>
    SourceDescription = 202,

    /// <summary>Goodbye.</summary>
    Bye = 203,

    /// <summary>Application-defined.</summary>
    App = 204,
}
