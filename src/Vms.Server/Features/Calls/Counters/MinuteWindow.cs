namespace Vms.Server.Features.Calls.Counters;

/// <summary>Events in the last 60 seconds, in one-second buckets (a ring), time from <see cref="TimeProvider"/>.</summary>
internal sealed class MinuteWindow
{
    private const int Slots = 60;
    private readonly Lock _gate = new();
    private readonly long[] _second = new long[Slots];
    private readonly int[] _count = new int[Slots];

    public void Add(long unixSecond)
    {
        var slot = (int)(unixSecond % Slots);
        lock (_gate)
        {
            if (_second[slot] != unixSecond)
            {
                _second[slot] = unixSecond;
                _count[slot] = 0;
            }

            _count[slot]++;
        }
    }

    /// <summary>Events in the 60 seconds ending with <paramref name="unixSecond"/>.</summary>
    public int Total(long unixSecond)
    {
        var total = 0;
        lock (_gate)
        {
            for (var i = 0; i < Slots; i++)
            {
                if (unixSecond - _second[i] < Slots && _second[i] <= unixSecond)
                {
                    total += _count[i];
                }
            }
        }

        return total;
    }
}
