namespace Vms.Server.Features.Calls.Live;

/// <summary>A counter of active calls that can be incremented up to a limit without a lock.</summary>
internal sealed class ActiveCounter
{
    public int Value;

    public bool TryIncrement(int? max)
    {
        while (true)
        {
            var current = Volatile.Read(ref Value);
            if (max is { } limit && current >= limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref Value, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Decrement() => Interlocked.Decrement(ref Value);
}
