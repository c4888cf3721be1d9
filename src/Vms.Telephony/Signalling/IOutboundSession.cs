namespace Vms.Telephony.Signalling;

/// <summary>An outgoing INVITE and then its dialog (the callee's side of a B2BUA).</summary>
public interface IOutboundSession : ISipSession
{
    /// <summary>Provisional responses (status and SDP of early media) as they arrive.</summary>
    event Action<SipAnswer>? Provisional;

    /// <summary>The final response; a 2xx is acknowledged by the session itself. Never faults: timeouts and
    /// transport errors are <see cref="SipAnswer.Timeout"/> and <see cref="SipAnswer.TransportError"/>.</summary>
    Task<SipAnswer> Final { get; }

    /// <summary>Sends CANCEL while no final response has come (the INVITE then ends with 487).</summary>
    void Cancel();
}
