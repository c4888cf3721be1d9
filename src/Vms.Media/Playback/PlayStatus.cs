namespace Vms.Media.Playback;

/// <summary>How a prompt ended.</summary>
public enum PlayStatus
{
    /// <summary>Played to the end.</summary>
    Completed,

    /// <summary>Stopped by the caller's DTMF (barge-in).</summary>
    BargedIn,

    /// <summary>Stopped by <see cref="MediaSession.StopPlayback"/> or replaced by another prompt.</summary>
    Stopped,

    /// <summary>The cancellation token fired.</summary>
    Cancelled,

    /// <summary>The session ended or has no negotiated media to send.</summary>
    SessionEnded,
}
