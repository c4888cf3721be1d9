using Vms.Media.Rtp;

namespace Vms.Media.Dtmf;

/// <summary>
/// Turns RFC 4733 telephone-event packets into one <see cref="DtmfEvent"/> per key press: an event is keyed by
/// its RTP timestamp, so repeated end packets, reordering, a lost first packet or lost end packets still give
/// exactly one digit. A press whose end never arrives is closed by <see cref="Poll"/> after
/// <see cref="EndTimeout"/> or by the next event. Not thread-safe: the session's receive loop owns it.
/// </summary>
public sealed class DtmfEventReceiver
{
    private const int RecentCount = 8;
    private readonly uint[] _recentEnded = new uint[RecentCount];
    private int _recentCount;
    private int _recentNext;
    private bool _active;
    private uint _timestamp;
    private char _digit;
    private int _duration;
    private long _lastPacketTicks;

    /// <summary>How long after the last packet of an event without E bit it is closed.</summary>
    public TimeSpan EndTimeout { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Raised when a key press starts (first packet seen): for barge-in.</summary>
    public event Action<char>? DigitStarted;

    /// <summary>Raised once per key press when it ends.</summary>
    public event Action<DtmfEvent>? DigitEnded;

    /// <summary>Handles one telephone-event packet. <paramref name="nowTicks"/> is monotonic time in ticks.</summary>
    public void Receive(in RtpHeader header, ReadOnlySpan<byte> payload, long nowTicks)
    {
        if (!TelephoneEventPayload.TryRead(payload, out var ev))
        {
            return;
        }

        var digit = TelephoneEventPayload.ToDigit(ev.Event);
        if (digit == '\0' || WasEnded(header.Timestamp))
        {
            return;
        }

        if (_active && header.Timestamp != _timestamp)
        {
            if ((int)(header.Timestamp - _timestamp) < 0)
            {
                return; // late packet of an older event
            }

            Finish(false);
        }

        if (!_active)
        {
            _active = true;
            _timestamp = header.Timestamp;
            _digit = digit;
            _duration = 0;
            DigitStarted?.Invoke(digit);
        }

        _duration = Math.Max(_duration, ev.Duration);
        _lastPacketTicks = nowTicks;
        if (ev.End)
        {
            Finish(true);
        }
    }

    /// <summary>Closes an event whose end packets were lost once <see cref="EndTimeout"/> has passed.</summary>
    public void Poll(long nowTicks)
    {
        if (_active && nowTicks - _lastPacketTicks >= EndTimeout.Ticks)
        {
            Finish(false);
        }
    }

    private bool WasEnded(uint timestamp)
    {
        for (var i = 0; i < _recentCount; i++)
        {
            if (_recentEnded[i] == timestamp)
            {
                return true;
            }
        }

        return false;
    }

    private void Finish(bool endSeen)
    {
        _active = false;
        _recentEnded[_recentNext] = _timestamp;
        _recentNext = (_recentNext + 1) % RecentCount;
        _recentCount = Math.Min(_recentCount + 1, RecentCount);
        DigitEnded?.Invoke(new DtmfEvent(_digit, _timestamp, _duration, endSeen));
    }
}
