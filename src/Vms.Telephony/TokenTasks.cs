namespace Vms.Telephony;

/// <summary>Turns cancellation tokens and <see cref="TimeProvider"/> timers into awaitable tasks.</summary>
internal static class TokenTasks
{
    /// <summary>A task that completes (never faults) when <paramref name="token"/> is cancelled.</summary>
    public static Task WhenCancelled(CancellationToken token)
    {
        if (token.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        if (!token.CanBeCanceled)
        {
            return new TaskCompletionSource().Task;
        }

        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(static s => ((TaskCompletionSource)s!).TrySetResult(), tcs);
        return tcs.Task;
    }

    /// <summary>A task that completes after <paramref name="delay"/> on <paramref name="time"/>; dispose the returned timer to stop it.</summary>
    public static Task After(TimeProvider time, TimeSpan delay, out ITimer timer)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        timer = time.CreateTimer(static s => ((TaskCompletionSource)s!).TrySetResult(), tcs, delay, Timeout.InfiniteTimeSpan);
        return tcs.Task;
    }
}
