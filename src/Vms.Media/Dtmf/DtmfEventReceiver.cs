using Vms.Media.Rtp;

namespace Vms.Media.Dtmf;

/// <summary>
/// Turns RFC 4733 telephone-event packets into one <see cref="DtmfEvent"/> per key press: an event is keyed by
/// its RTP timestamp, so repeated end packets, reordering, a lost first packet or lost end packets still give
/// exactly one digit. A press whose end never arrives is closed by <see cref="Poll"/> after
/// <see cref="EndTimeout"/> or by the next event. Not thread-safe: the session's receive loop owns it.
/// </summary>
/// <remarks>
/// <para>
/// Long-duration events (RFC 4733 §2.5.1.3, §2.5.2.3): the 16-bit duration field holds at most 65,535 units
/// (≈ 8.19 s at 8 kHz), so a longer press arrives as contiguous segments. Each segment carries a new RTP
/// timestamp, equal to the previous segment's timestamp plus that segment's final duration, the same event
/// code, and no E bit until the last segment. A packet is taken as the next segment of the current (or the
/// just-closed, not E-ended) press when it has the same event code and its timestamp lies
/// <see cref="MinimumSegmentDuration"/> to 65,535 units after the segment before, and no later than where that
/// segment could have ended. The press is then reported once, with the start timestamp of its first segment
/// and the total duration. A press closed by <see cref="Poll"/> (segment boundary lost for longer than
/// <see cref="EndTimeout"/>) whose next segment then arrives is not reported a second time.
/// </para>
/// <para>
/// Limits: a segment that is lost completely (≈ 8 s of packets) breaks the chain and the next one counts as a new
/// press; a new press of the same key whose start timestamp happens to fall in the continuation window of a
/// previous press of ≥ <see cref="MinimumSegmentDuration"/> units that lost all its end packets is merged.
/// </para>
/// </remarks>
public sealed class DtmfEventReceiver
{
    /// <summary>The largest duration one segment can carry (RFC 4733 §2.3.5).</summary>
    public const int MaxSegmentDuration = ushort.MaxValue;

    private const int RecentCount = 8;
    private readonly uint[] _recentEnded = new uint[RecentCount];
    private int _recentCount;
    private int _recentNext;
    private bool _active;
    private bool _reported;
    private uint _start;
    private uint _timestamp;
    private byte _event;
    private char _digit;
    private int _duration;
    private long _lastPacketTicks;

    // The last press closed without E bit, kept so that its next segment continues it instead of counting again.
    private bool _hasOpenEnded;
    private byte _openEvent;
    private uint _openStart;
    private uint _openTimestamp;
    private int _openDuration;

    // The last press closed (E bit or not): packets of its earlier segments that arrive after its end are ignored.
    private bool _hasLast;
    private byte _lastEvent;
    private uint _lastStart;

    /// <summary>How long after the last packet of an event without E bit it is closed.</summary>
    public TimeSpan EndTimeout { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// The shortest segment accepted as a segment of a long-duration event: 65,535 minus one second of 8 kHz
    /// units, so senders that end segments on a packet boundary (65,440 at 20 ms, 65,280 at 120 ms) are
    /// recognised while ordinary repeated key presses are not.
    /// </summary>
    public int MinimumSegmentDuration { get; init; } = MaxSegmentDuration - 8000;

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
        var timestamp = header.Timestamp;
        if (digit == '\0' || WasEnded(timestamp))
        {
            return;
        }

        if (_active && timestamp != _timestamp)
        {
            if ((int)(timestamp - _timestamp) < 0)
            {
                return; // late packet of an older event or of an earlier segment of this one
            }

            if (IsNextSegment(ev.Event, _event, _timestamp, _duration, timestamp))
            {
                NextSegment(timestamp);
            }
            else
            {
                Finish(false);
            }
        }

        if (!_active)
        {
            if (IsEarlierSegmentOfLast(ev.Event, timestamp))
            {
                return; // late packet of an earlier segment of the press that just ended
            }

            if (_hasOpenEnded && IsNextSegment(ev.Event, _openEvent, _openTimestamp, _openDuration, timestamp))
            {
                // The press was closed by the timeout at a segment boundary and already reported: follow it silently.
                Begin(timestamp, ev.Event, digit, reported: true);
                _start = _openStart;
            }
            else
            {
                Begin(timestamp, ev.Event, digit, reported: false);
                DigitStarted?.Invoke(digit);
            }
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

    private bool IsNextSegment(byte code, byte previousCode, uint previousTimestamp, int previousDuration, uint timestamp)
    {
        var gap = timestamp - previousTimestamp;
        return code == previousCode && gap >= (uint)MinimumSegmentDuration && gap <= MaxSegmentDuration && gap >= (uint)previousDuration;
    }

    private bool IsEarlierSegmentOfLast(byte code, uint timestamp)
    {
        var before = _lastStart - timestamp;
        return _hasLast && code == _lastEvent && (int)before > 0 && before <= 2u * MaxSegmentDuration;
    }

    private void Begin(uint timestamp, byte code, char digit, bool reported)
    {
        _active = true;
        _reported = reported;
        _start = timestamp;
        _timestamp = timestamp;
        _event = code;
        _digit = digit;
        _duration = 0;
        _hasOpenEnded = false;
    }

    private void NextSegment(uint timestamp)
    {
        Remember(_timestamp);
        _timestamp = timestamp;
        _duration = 0;
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

    private void Remember(uint timestamp)
    {
        _recentEnded[_recentNext] = timestamp;
        _recentNext = (_recentNext + 1) % RecentCount;
        _recentCount = Math.Min(_recentCount + 1, RecentCount);
    }

    private void Finish(bool endSeen)
    {
        _active = false;
        Remember(_timestamp);
        _hasOpenEnded = !endSeen;
        _openEvent = _event;
        _openStart = _start;
        _openTimestamp = _timestamp;
        _openDuration = _duration;
        _hasLast = true;
        _lastEvent = _event;
        _lastStart = _start;
        if (!_reported)
        {
            DigitEnded?.Invoke(new DtmfEvent(_digit, _start, (int)(_timestamp - _start) + _duration, endSeen));
        }
    }
}
