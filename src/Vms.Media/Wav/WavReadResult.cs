namespace Vms.Media.Wav;

/// <summary>A read WAV file, or the precise reason it was refused.</summary>
public sealed record WavReadResult(WavFile? File, string? Error)
{
    /// <summary>True when <see cref="File"/> is set.</summary>
    public bool IsSuccess => File is not null;

    internal static WavReadResult Fail(string reason) => new(null, reason);
}
