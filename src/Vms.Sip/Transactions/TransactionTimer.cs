namespace Vms.Sip.Transactions;

/// <summary>
/// A one-shot restartable timer on a TimeProvider. The underlying timer exists only while started: a transaction
/// that lingers for retransmissions keeps one running timer, not every timer it ever used.
/// </summary>
internal sealed class TransactionTimer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Action _callback;
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private bool _disposed;

    public TransactionTimer(TimeProvider time, Action callback)
    {
        _time = time;
        _callback = callback;
    }

    public void Start(TimeSpan due)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _timer ??= _time.CreateTimer(static s => ((Action)s!)(), _callback, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
