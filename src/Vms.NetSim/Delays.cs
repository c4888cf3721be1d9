namespace Vms.NetSim;

/// <summary>Waiting on a <see cref="TimeProvider"/> (so tests can drive the clock).</summary>
internal static class Delays
{
    /// <summary>Completes after <paramref name="delay"/>, or false when cancelled first.</summary>
    public static async Task<bool> WaitAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        // Timeout.InfiniteTimeSpan (-1 ms) means "until cancelled", not "at once".
        if (delay <= TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
        {
            return !cancellationToken.IsCancellationRequested;
        }

        var tcs = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var timer = time.CreateTimer(static s => ((TaskCompletionSource<bool>)s!).TrySetResult(true), tcs, delay, Timeout.InfiniteTimeSpan);
        await using var registration = cancellationToken.Register(static s => ((TaskCompletionSource<bool>)s!).TrySetResult(false), tcs);
        return await tcs.Task;
    }
}
