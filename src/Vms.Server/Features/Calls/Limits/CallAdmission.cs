using Microsoft.Extensions.Logging;

namespace Vms.Server.Features.Calls.Limits;

/// <summary>
/// The overload guard of a node: at most <see cref="MaxCalls"/> calls at once (each holds RTP port pairs, i.e. file
/// descriptors, until its SIP timers end — calls that lost their ACK or BYE included). Beyond it an INVITE gets 503
/// with Retry-After; refusals are counted and logged at most once per <see cref="LogEvery"/> with their number.
/// </summary>
internal sealed partial class CallAdmission
{
    public static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _logGate = new();
    private int _active;
    private long _refused;
    private long _refusedSinceLog;
    private long _lastLog;

    public CallAdmission(int maxCalls, int retryAfterSeconds, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCalls);
        MaxCalls = maxCalls;
        RetryAfterSeconds = Math.Max(1, retryAfterSeconds);
        _time = time;
        _logger = logger;
    }

    public int MaxCalls { get; }

    /// <summary>Seconds put in Retry-After of the 503.</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>Calls admitted and not yet over.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>INVITEs refused since start.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Admits one more call (call <see cref="Leave"/> when it is over), or counts and logs the refusal.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _active) <= MaxCalls)
        {
            return true;
        }

        Interlocked.Decrement(ref _active);
        Interlocked.Increment(ref _refused);
        Interlocked.Increment(ref _refusedSinceLog);
        MaybeLog();
        return false;
    }

    public void Leave() => Interlocked.Decrement(ref _active);

    private void MaybeLog()
    {
        var now = _time.GetTimestamp();
        long count;
        lock (_logGate)
        {
            if (_lastLog != 0 && _time.GetElapsedTime(_lastLog, now) < LogEvery)
            {
                return;
            }

            _lastLog = now;
            count = Interlocked.Exchange(ref _refusedSinceLog, 0);
        }

        LogOverload(_logger, count, MaxCalls, (int)LogEvery.TotalSeconds);
    }

    [LoggerMessage(EventId = 6014, Level = LogLevel.Error, Message = "ALARM overload: {Refused} INVITEs refused with 503 (node at its maximum of {Max} concurrent calls; logged at most every {Seconds} s)")]
    private static partial void LogOverload(ILogger logger, long refused, int max, int seconds);
}
