namespace Vms.Telephony;

/// <summary>A transfer asked by the caller: the target's dial, and when it answered, how the destination–target bridge ended.</summary>
public sealed record CallerTransferResult(DialResult Dial, BridgeResult? Bridge);
