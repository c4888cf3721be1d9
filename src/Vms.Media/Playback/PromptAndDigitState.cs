using Vms.Media.Dtmf;

namespace Vms.Media.Playback;

/// <summary>
/// What a session is doing with the caller: the playing prompt, the running digit collection and the
/// type-ahead buffer. Key presses stop a barge-in prompt and feed the collector (or wait as type-ahead);
/// one lock guards it all, taken from API calls, the receive loop and the clock.
/// </summary>
internal sealed class PromptAndDigitState
{
    private const int TypeAheadLimit = 32;
    private readonly Lock _lock = new();
    private readonly Queue<char> _typeAhead = new();
    private PromptPlayer? _player;
    private DtmfCollector? _collector;
    private bool _wasSilent = true;

    public Task<PlayResult> Play(PromptPlayer player, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _player?.Complete(PlayStatus.Stopped);
            _player = player;
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => Stop(player, PlayStatus.Cancelled));
            player.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        return player.Task;
    }

    public void StopPlayback()
    {
        lock (_lock)
        {
            EndPlayer(PlayStatus.Stopped, null);
        }
    }

    public Task<DtmfCollectResult> Collect(DtmfCollector collector, bool discardTypeAhead)
    {
        lock (_lock)
        {
            _collector?.Complete(DtmfCollectStatus.Cancelled);
            _collector = collector;
            if (discardTypeAhead)
            {
                _typeAhead.Clear();
            }

            while (_typeAhead.Count > 0 && !collector.IsCompleted)
            {
                collector.OnDigit(_typeAhead.Dequeue());
            }
        }

        collector.Task.ContinueWith(_ => collector.Dispose(), TaskScheduler.Default);
        return collector.Task;
    }

    /// <summary>
    /// The next 20 ms of the playing prompt; false when nothing plays (a finished prompt completes here).
    /// <paramref name="marker"/> is true on the first frame of a talkspurt.
    /// </summary>
    public bool NextFrame(Span<byte> frame, byte silence, out bool marker)
    {
        lock (_lock)
        {
            marker = _wasSilent;
            if (_player is not { } player)
            {
                return false;
            }

            if (player.NextFrame(frame, silence))
            {
                _wasSilent = false;
                return true;
            }

            EndPlayer(PlayStatus.Completed, null);
            return false;
        }
    }

    public void OnDigitStarted(char digit)
    {
        lock (_lock)
        {
            if (_player is { BargeIn: true })
            {
                EndPlayer(PlayStatus.BargedIn, digit);
            }
        }
    }

    public void OnDigit(char digit)
    {
        lock (_lock)
        {
            if (_player is { BargeIn: true })
            {
                EndPlayer(PlayStatus.BargedIn, digit);
            }

            if (_collector is { IsCompleted: false } collector)
            {
                collector.OnDigit(digit);
            }
            else if (_typeAhead.Count < TypeAheadLimit)
            {
                _typeAhead.Enqueue(digit);
            }
        }
    }

    public void End()
    {
        lock (_lock)
        {
            EndPlayer(PlayStatus.SessionEnded, null);
            _collector?.Complete(DtmfCollectStatus.SessionEnded);
            _collector = null;
        }
    }

    private void Stop(PromptPlayer player, PlayStatus status)
    {
        lock (_lock)
        {
            player.Complete(status);
            if (ReferenceEquals(_player, player))
            {
                _player = null;
                _wasSilent = true;
            }
        }
    }

    private void EndPlayer(PlayStatus status, char? digit)
    {
        _player?.Complete(status, digit);
        _player = null;
        _wasSilent = true;
    }
}
