namespace Vms.Media.Sdp;

/// <summary>The RFC 3264 §5.1 direction attributes (used for hold, RFC 3264 §8.4).</summary>
public enum MediaDirection
{
    /// <summary>Send and receive (the default).</summary>
    SendRecv,

    /// <summary>Send only (the holding side).</summary>
    SendOnly,

    /// <summary>Receive only (the held side).</summary>
    RecvOnly,

    /// <summary>Neither.</summary>
    Inactive,
}
