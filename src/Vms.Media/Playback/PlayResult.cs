namespace Vms.Media.Playback;

/// <summary>How a prompt ended and, after barge-in, the key that stopped it (kept as type-ahead too).</summary>
public sealed record PlayResult(PlayStatus Status, TimeSpan Played, char? BargeInDigit);
