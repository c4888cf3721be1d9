using System.Diagnostics;

namespace Vms.Media.Playback;

/// <summary>
/// A periodic callback on its own thread, for the media clock on the system clock. A thread-pool timer waits for a
/// free pool thread: when the pool is busy or still growing (it adds threads about every 0.5 s under starvation),
/// every player and recorder stalls with it and a recording gets a gap. This thread waits only for its period.
/// </summary>
internal sealed class DedicatedTicker : IDisposable
{
    private readonly Action _callback;
    private readonly TimeSpan _period;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    public DedicatedTicker(string name, TimeSpan period, Action callback)
    {
        _callback = callback;
        _period = period;
        _thread = new Thread(Run) { IsBackground = true, Name = name, Priority = ThreadPriority.Highest };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Set();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        _stop.Dispose();
    }

    private void Run()
    {
        var started = Stopwatch.GetTimestamp();
        long fired = 0;
        while (true)
        {
            // Wait for the next period boundary of the thread's own timeline, so that waiting does not drift.
            var next = TimeSpan.FromTicks(_period.Ticks * (fired + 1));
            var wait = next - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero && _stop.Wait(wait))
            {
                return;
            }

            if (_stop.IsSet)
            {
                return;
            }

            fired = Math.Max(fired + 1, (long)(Stopwatch.GetElapsedTime(started).Ticks / _period.Ticks));
            _callback();
        }
    }
}
