using Vms.Media.Sdp;

namespace Vms.Telephony.Media;

/// <summary>
/// The RTP inactivity (media) timeout of one bridge between two endpoints. One <see cref="TimeProvider"/> timer reads
/// both endpoints' packet counters every <see cref="TelephonyOptions.MediaCheckInterval"/> (no per-packet work); when
/// neither counter moved for <see cref="TelephonyOptions.MediaTimeout"/>, <see cref="TimedOut"/> completes. While
/// either leg is on hold (its last negotiated direction is not sendrecv) the call is never timed out — music on hold
/// may be silent — and the clock starts again from zero when the call is taken off hold.
/// </summary>
internal sealed class MediaWatchdog : IDisposable
{
    private readonly IMediaEndpoint _a;
    private readonly IMediaEndpoint _b;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _timedOut = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastA;
    private long _lastB;
    private long _quietSince;
    private MediaDirection _directionA;
    private MediaDirection _directionB;
    private bool _stopped;

    private MediaWatchdog(IMediaEndpoint a, MediaDirection directionA, IMediaEndpoint b, MediaDirection directionB, TimeProvider time, TimeSpan timeout, TimeSpan interval)
    {
        _a = a;
        _b = b;
        _time = time;
        _timeout = timeout;
        _directionA = directionA;
        _directionB = directionB;
        _lastA = a.PacketsReceived;
        _lastB = b.PacketsReceived;
        _quietSince = time.GetTimestamp();
        _timer = time.CreateTimer(static s => ((MediaWatchdog)s!).Check(), this, interval, interval);
    }

    /// <summary>Completes (never faults) when the bridge had no media for the timeout.</summary>
    public Task TimedOut => _timedOut.Task;

    /// <summary>True while either leg's last negotiated direction is not sendrecv.</summary>
    public bool OnHold
    {
        get
        {
            lock (_gate)
            {
                return IsHeld;
            }
        }
    }

    private bool IsHeld => _directionA != MediaDirection.SendRecv || _directionB != MediaDirection.SendRecv;

    /// <summary>Starts watching the bridge of <paramref name="a"/> and <paramref name="b"/>; null when the timeout is off.</summary>
    public static MediaWatchdog? Start(IMediaEndpoint a, MediaDirection directionA, IMediaEndpoint b, MediaDirection directionB, TimeProvider time, TelephonyOptions options)
    {
        if (options.MediaTimeout <= TimeSpan.Zero)
        {
            return null;
        }

        var interval = options.MediaCheckInterval > TimeSpan.Zero ? options.MediaCheckInterval : TimeSpan.FromSeconds(5);
        interval = interval < options.MediaTimeout ? interval : options.MediaTimeout;
        return new MediaWatchdog(a, directionA, b, directionB, time, options.MediaTimeout, interval);
    }

    /// <summary>A new offer/answer on <paramref name="endpoint"/> (re-INVITE): its direction decides whether the call is on hold.</summary>
    public void Negotiated(IMediaEndpoint endpoint, MediaDirection direction)
    {
        lock (_gate)
        {
            var wasHeld = IsHeld;
            if (ReferenceEquals(endpoint, _a))
            {
                _directionA = direction;
            }
            else if (ReferenceEquals(endpoint, _b))
            {
                _directionB = direction;
            }

            if (wasHeld != IsHeld)
            {
                // Going on or off hold: the silence clock starts again from now.
                _quietSince = _time.GetTimestamp();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _timer.Dispose();
    }

    private void Check()
    {
        lock (_gate)
        {
            if (_stopped || _timedOut.Task.IsCompleted)
            {
                return;
            }

            var a = _a.PacketsReceived;
            var b = _b.PacketsReceived;
            var now = _time.GetTimestamp();
            if (IsHeld || a != _lastA || b != _lastB)
            {
                _lastA = a;
                _lastB = b;
                _quietSince = now;
                return;
            }

            if (_time.GetElapsedTime(_quietSince, now) >= _timeout)
            {
                _timedOut.TrySetResult();
            }
        }
    }
}
