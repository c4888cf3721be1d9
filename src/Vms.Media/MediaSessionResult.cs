namespace Vms.Media;

/// <summary>A new media session, or why none could be made (the call layer answers 503).</summary>
public sealed record MediaSessionResult(MediaSession? Session, string? Error)
{
    /// <summary>True when <see cref="Session"/> is set.</summary>
    public bool IsSuccess => Session is not null;
}
