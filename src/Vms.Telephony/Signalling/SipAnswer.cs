namespace Vms.Telephony.Signalling;

/// <summary>A SIP response as the call layer sees it: status, reason phrase and the SDP body (empty when none).</summary>
public sealed record SipAnswer(int Status, string Reason, ReadOnlyMemory<byte> Sdp)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public bool HasSdp => !Sdp.IsEmpty;

    public static SipAnswer Timeout { get; } = new(408, "Request Timeout", ReadOnlyMemory<byte>.Empty);

    public static SipAnswer TransportError { get; } = new(503, "Service Unavailable (transport)", ReadOnlyMemory<byte>.Empty);
}
