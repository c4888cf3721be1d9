namespace Vms.Media.Recording;

/// <summary>Why a recording ended.</summary>
public enum RecordingStopReason
{
    /// <summary>Stopped on request.</summary>
    Stopped,

    /// <summary>The size cap (customer quota) was reached; the file is complete up to it.</summary>
    SizeCapReached,

    /// <summary>The call or session ended.</summary>
    SessionEnded,

    /// <summary>Writing failed (disk full, I/O error); the file is valid up to the last flush.</summary>
    WriteFailed,
}
