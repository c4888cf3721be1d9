namespace Vms.Media.Relay;

/// <summary>How two legs are bridged.</summary>
public sealed record BridgeOptions
{
    /// <summary>Forward RFC 4733 events to the other leg (true) or only report them on the receiving leg (false).</summary>
    public bool PassDtmf { get; init; } = true;
}
