namespace Vms.Media.Playback;

/// <summary>
/// The one 20 ms clock that paces every player and recorder of an engine: a single timer (a dedicated thread on the
/// system clock, the injected <see cref="TimeProvider"/>'s timer otherwise), not a timer per stream. Each firing runs every tick that is due by elapsed
/// time, so a late timer catches up instead of drifting (at most <see cref="MaxCatchUpTicks"/> at once).
/// Listeners are kept in a copy-on-write array: registration is rare, ticking is hot and allocation-free.
/// </summary>
public sealed class MediaClock : IDisposable
{
    /// <summary>The tick period.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    /// <summary>Most ticks run in one firing after a stall.</summary>
    public const int MaxCatchUpTicks = 5;

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly long _start;
    private IDisposable? _timer;
    private IMediaClockListener[] _listeners = [];
    private long _tick;
    private int _running;

    /// <summary>Creates a stopped clock; it starts with the first listener.</summary>
    public MediaClock(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _start = time.GetTimestamp();
    }

    /// <summary>Ticks run so far.</summary>
    public long Tick => Interlocked.Read(ref _tick);

    /// <summary>Number of registered listeners.</summary>
    public int ListenerCount => Volatile.Read(ref _listeners).Length;

    /// <summary>The time provider pacing the clock.</summary>
    public TimeProvider Time => _time;

    /// <summary>Adds a listener (called from the next tick on).</summary>
    public void Register(IMediaClockListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_lock)
        {
            _listeners = [.. _listeners, listener];
            if (_timer is null)
            {
                // Start counting from now: an engine idle since its creation must not burst the ticks it missed.
                Interlocked.Exchange(ref _tick, _time.GetElapsedTime(_start).Ticks / Period.Ticks);
                // On the system clock the ticks get their own thread (see DedicatedTicker); any other provider
                // (a test's fake clock) drives them through its own timers.
                _timer = ReferenceEquals(_time, TimeProvider.System)
                    ? new DedicatedTicker("vms-media-clock", Period, OnTimer)
                    : _time.CreateTimer(_ => OnTimer(), null, Period, Period);
            }
        }
    }

    /// <summary>Removes a listener.</summary>
    public void Unregister(IMediaClockListener listener)
    {
        lock (_lock)
        {
            var index = Array.IndexOf(_listeners, listener);
            if (index >= 0)
            {
                _listeners = [.. _listeners[..index], .. _listeners[(index + 1)..]];
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        IDisposable? timer;
        lock (_lock)
        {
            timer = _timer;
            _timer = null;
            _listeners = [];
        }

        timer?.Dispose(); // outside the lock: a dedicated ticker is joined, and its tick may be waiting for the lock
    }

    private void OnTimer()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return; // the previous firing is still running its ticks
        }

        try
        {
            var due = (long)(_time.GetElapsedTime(_start).Ticks / Period.Ticks);
            var behind = due - Tick;
            if (behind > MaxCatchUpTicks)
            {
                Interlocked.Add(ref _tick, behind - MaxCatchUpTicks); // skip what cannot be caught up
                behind = MaxCatchUpTicks;
            }

            for (var i = 0; i < behind; i++)
            {
                var tick = Interlocked.Increment(ref _tick);
                foreach (var listener in Volatile.Read(ref _listeners))
                {
                    listener.OnMediaTick(tick);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
