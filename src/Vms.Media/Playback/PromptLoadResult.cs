namespace Vms.Media.Playback;

/// <summary>A loaded prompt or the reason it could not be loaded.</summary>
public sealed record PromptLoadResult(Prompt? Prompt, string? Error)
{
    /// <summary>True when <see cref="Prompt"/> is set.</summary>
    public bool IsSuccess => Prompt is not null;
}
