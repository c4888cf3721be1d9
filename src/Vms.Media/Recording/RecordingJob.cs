namespace Vms.Media.Recording;

/// <summary>
/// One unit of work for the <see cref="RecordingWriter"/>: a chunk of encoded audio of a recorder to append
/// (then patch the header and flush when <see cref="Flush"/>), the end of a recording (<see cref="Complete"/>),
/// or a barrier (<see cref="Barrier"/>, no recorder) completed when everything queued before it is written.
/// </summary>
internal readonly record struct RecordingJob(
    CallRecorder? Recorder,
    byte[]? Chunk,
    int Length,
    bool Flush,
    bool Complete,
    RecordingStopReason Reason,
    TaskCompletionSource? Barrier);
