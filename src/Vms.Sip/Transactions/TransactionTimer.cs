namespace Vms.Sip.Transactions;

/// <summary>A one-shot restartable timer on a TimeProvider.</summary>
internal sealed class TransactionTimer : IDisposable
{
    private readonly ITimer _timer;

    public TransactionTimer(TimeProvider time, Action callback)
    {
        _timer = time.CreateTimer(static s => ((Action)s!)(), callback, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Start(TimeSpan due) => _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);

    public void Stop() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    public void Dispose() => _timer.Dispose();
}
