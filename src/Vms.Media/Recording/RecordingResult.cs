namespace Vms.Media.Recording;

/// <summary>What a finished recording holds.</summary>
/// <param name="Path">The file, or null when written to a caller's stream.</param>
/// <param name="Duration">Audio duration (pauses included, as silence).</param>
/// <param name="FileBytes">File size.</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="LatePackets">Packets that arrived too late for the mix and were dropped.</param>
public sealed record RecordingResult(string? Path, TimeSpan Duration, long FileBytes, RecordingStopReason Reason, long LatePackets);
