using System.Text;

namespace Vms.Media.Dtmf;

/// <summary>
/// Collects digits for one request: max digits, terminator, first-digit and inter-digit timeouts on timers of
/// the injected <see cref="TimeProvider"/>. Completes exactly once.
/// </summary>
internal sealed class DtmfCollector : IDisposable
{
    private readonly DtmfCollectOptions _options;
    private readonly StringBuilder _digits = new();
    private readonly TaskCompletionSource<DtmfCollectResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private readonly CancellationTokenRegistration _cancel;

    public DtmfCollector(DtmfCollectOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        _options = options;
        _timer = time.CreateTimer(_ => OnTimeout(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(options.FirstDigitTimeout, Timeout.InfiniteTimeSpan);
        _cancel = cancellationToken.Register(() => Complete(DtmfCollectStatus.Cancelled));
    }

    public Task<DtmfCollectResult> Task => _result.Task;

    public bool IsCompleted => _result.Task.IsCompleted;

    /// <summary>Offers a digit; returns false when the collector had already completed.</summary>
    public bool OnDigit(char digit)
    {
        lock (_lock)
        {
            if (_result.Task.IsCompleted)
            {
                return false;
            }

            if (_options.Terminator == digit)
            {
                Complete(DtmfCollectStatus.Terminator);
                return true;
            }

            _digits.Append(digit);
            if (_digits.Length >= _options.MaxDigits)
            {
                Complete(DtmfCollectStatus.MaxDigits);
                return true;
            }

            _timer.Change(_options.InterDigitTimeout, Timeout.InfiniteTimeSpan);
            return true;
        }
    }

    public void Complete(DtmfCollectStatus status)
    {
        lock (_lock)
        {
            if (_result.Task.IsCompleted)
            {
                return;
            }

            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _result.TrySetResult(new DtmfCollectResult(_digits.ToString(), status));
        }
    }

    public void Dispose()
    {
        _cancel.Dispose();
        _timer.Dispose();
    }

    private void OnTimeout()
    {
        lock (_lock)
        {
            Complete(_digits.Length == 0 ? DtmfCollectStatus.FirstDigitTimeout : DtmfCollectStatus.InterDigitTimeout);
        }
    }
}
