namespace Vms.Media.Playback;

/// <summary>One playing prompt: a cursor into the shared encoded audio and the completion of the request.</summary>
internal sealed class PromptPlayer
{
    private readonly TaskCompletionSource<PlayResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ReadOnlyMemory<byte> _audio;
    private int _position;

    public PromptPlayer(ReadOnlyMemory<byte> audio, bool bargeIn)
    {
        _audio = audio;
        BargeIn = bargeIn;
    }

    public bool BargeIn { get; }

    public bool IsFirstFrame => _position == 0;

    public Task<PlayResult> Task => _done.Task;

    /// <summary>Copies the next frame (silence-padded); false when the prompt has ended.</summary>
    public bool NextFrame(Span<byte> frame, byte silence)
    {
        if (_position >= _audio.Length)
        {
            return false;
        }

        var n = Math.Min(frame.Length, _audio.Length - _position);
        _audio.Span.Slice(_position, n).CopyTo(frame);
        frame[n..].Fill(silence);
        _position += n;
        return true;
    }

    public void Complete(PlayStatus status, char? digit = null) =>
        _done.TrySetResult(new PlayResult(status, TimeSpan.FromTicks(_position * TimeSpan.TicksPerSecond / 8000), digit));
}
