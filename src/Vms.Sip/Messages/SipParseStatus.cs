namespace Vms.Sip.Messages;

/// <summary>The outcome of framing/parsing: complete message, more bytes needed (stream), or malformed.</summary>
public enum SipParseStatus
{
    /// <summary>A whole message was read.</summary>
    Complete,

    /// <summary>The bytes so far are a valid prefix; read more (stream transports only).</summary>
    NeedMoreData,

    /// <summary>The bytes are not a valid message; see the reason.</summary>
    Malformed,
}
