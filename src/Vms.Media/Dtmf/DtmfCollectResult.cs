namespace Vms.Media.Dtmf;

/// <summary>The digits collected and why collection ended.</summary>
public sealed record DtmfCollectResult(string Digits, DtmfCollectStatus Status);
