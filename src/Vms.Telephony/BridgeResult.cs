namespace Vms.Telephony;

/// <summary>How a bridged call ended: who hung up, and when the bridge started (the answer time).</summary>
public sealed record BridgeResult(bool Connected, CallParty EndedBy, DateTimeOffset? ConnectedAt, DateTimeOffset EndedAt)
{
    /// <summary>Set when the bridge ended by a blind transfer: where the caller is to be connected next.</summary>
    public string? TransferTarget { get; init; }
}
