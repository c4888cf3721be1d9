namespace Vms.Media.Recording;

/// <summary>A recorder listening to a session's received audio as one direction (0 or 1) of its mix.</summary>
internal readonly record struct RecorderTap(CallRecorder Recorder, int Direction);
