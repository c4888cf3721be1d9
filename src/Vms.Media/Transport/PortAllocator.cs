namespace Vms.Media.Transport;

/// <summary>
/// Hands out RTP/RTCP port pairs (even RTP port, RTCP = RTP + 1) from a configured range, round robin so a
/// just-released pair is not reused at once. Exhaustion is a false result, never an exception. Thread-safe.
/// </summary>
public sealed class PortAllocator
{
    private readonly Lock _lock = new();
    private readonly bool[] _inUse;
    private readonly int _first;
    private int _next;

    /// <summary>Uses the even ports of [<paramref name="minPort"/>, <paramref name="maxPort"/>] whose odd partner is also in range.</summary>
    public PortAllocator(int minPort, int maxPort)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minPort, 1024);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPort, 65535);
        _first = minPort + (minPort & 1);
        var pairs = Math.Max(0, (maxPort - _first + 1) / 2);
        ArgumentOutOfRangeException.ThrowIfZero(pairs, nameof(maxPort));
        _inUse = new bool[pairs];
    }

    /// <summary>Number of pairs in the range.</summary>
    public int Capacity => _inUse.Length;

    /// <summary>Number of pairs handed out.</summary>
    public int InUse { get; private set; }

    /// <summary>Takes a free pair; false when the range is exhausted.</summary>
    public bool TryAllocate(out int rtpPort)
    {
        lock (_lock)
        {
            for (var i = 0; i < _inUse.Length; i++)
            {
                var index = (_next + i) % _inUse.Length;
                if (!_inUse[index])
                {
                    _inUse[index] = true;
                    _next = (index + 1) % _inUse.Length;
                    InUse++;
                    rtpPort = _first + (2 * index);
                    return true;
                }
            }
        }

        rtpPort = 0;
        return false;
    }

    /// <summary>Returns a pair; releasing a pair that is not allocated does nothing.</summary>
    public void Release(int rtpPort)
    {
        var index = (rtpPort - _first) / 2;
        lock (_lock)
        {
            if (rtpPort >= _first && (rtpPort & 1) == 0 && index < _inUse.Length && _inUse[index])
            {
                _inUse[index] = false;
                InUse--;
            }
        }
    }
}
