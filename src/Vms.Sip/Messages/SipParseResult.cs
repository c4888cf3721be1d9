namespace Vms.Sip.Messages;

/// <summary>
/// The result of <see cref="SipParser"/>. On <see cref="SipParseStatus.Malformed"/> the <see cref="Message"/> is still
/// set when the start line and headers could be split, so that a 400 or 505 can be answered.
/// </summary>
public readonly struct SipParseResult
{
    private SipParseResult(SipParseStatus status, SipMessage? message, int consumed, string? reason, bool versionNotSupported)
    {
        Status = status;
        Message = message;
        Consumed = consumed;
        Reason = reason;
        IsVersionNotSupported = versionNotSupported;
    }

    /// <summary>The status.</summary>
    public SipParseStatus Status { get; }

    /// <summary>The message (complete, or best effort when malformed).</summary>
    public SipMessage? Message { get; }

    /// <summary>Bytes consumed from the input (the whole message on a stream).</summary>
    public int Consumed { get; }

    /// <summary>Why the message is malformed.</summary>
    public string? Reason { get; }

    /// <summary>True when the only problem is an unsupported SIP version (answer 505).</summary>
    public bool IsVersionNotSupported { get; }

    internal static SipParseResult Complete(SipMessage message, int consumed) => new(SipParseStatus.Complete, message, consumed, null, false);

    internal static SipParseResult NeedMore() => new(SipParseStatus.NeedMoreData, null, 0, null, false);

    internal static SipParseResult Malformed(string reason, SipMessage? message = null, int consumed = 0, bool version = false) =>
        new(SipParseStatus.Malformed, message, consumed, reason, version);

    /// <inheritdoc/>
    public override string ToString() => Status == SipParseStatus.Malformed ? "Malformed: " + Reason : Status.ToString();
}
