using Vms.Telephony.Signalling;

namespace Vms.Telephony;

/// <summary>How a bridged call ended: who hung up, and when the bridge started (the answer time).</summary>
public sealed record BridgeResult(bool Connected, CallParty EndedBy, DateTimeOffset? ConnectedAt, DateTimeOffset EndedAt)
{
    /// <summary>Set when the bridge ended by a blind transfer: where the caller is to be connected next.</summary>
    public string? TransferTarget => Transfer?.Target;

    /// <summary>
    /// True when VMS ended the call because no RTP came from either leg for <see cref="TelephonyOptions.MediaTimeout"/>
    /// (<see cref="EndedBy"/> is then <see cref="CallParty.System"/>; both legs got BYE with a Reason header).
    /// </summary>
    public bool MediaTimedOut { get; init; }

    /// <summary>The blind transfer that ended the bridge (REFER from the destination, or <see cref="InboundCall.TransferTo"/>).</summary>
    public TransferRequest? Transfer { get; init; }

    /// <summary>
    /// On a transfer: the transferring leg, still up (the caller's media is no longer bridged to it). Hang it up once
    /// the target answered, or bridge it again when the target failed and it is still there.
    /// </summary>
    public OutboundLeg? TransferringLeg { get; init; }

    /// <summary>
    /// On a transfer asked by the caller (REFER in the caller's dialog): the destination's leg, still up, which is to
    /// be connected to the target (<see cref="InboundCall.TransferCallerAsync"/>).
    /// </summary>
    public OutboundLeg? RemainingLeg { get; init; }
}
