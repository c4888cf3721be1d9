namespace Vms.Media.Dtmf;

/// <summary>
/// Produces the RFC 4733 §2.5.1 packet sequence for one key press, one payload per packetisation interval:
/// the first with the marker bit, updates with growing duration, then the final packet three times with the
/// E bit (each its own sequence number, RFC 3550). All packets of a segment carry the segment's start timestamp.
/// </summary>
/// <remarks>
/// A press longer than the 16-bit duration field (RFC 4733 §2.5.1.3) is split into contiguous segments of
/// <see cref="SegmentDuration"/> units (65,535 rounded down to a whole number of <see cref="Step"/>s, so every
/// packet stays on the packetisation grid: 65,440 at 20 ms). The last update of a segment reports the full
/// segment duration; the next segment's packets carry the timestamp of the previous segment plus that duration
/// (<c>timestampOffset</c> of <see cref="Next(Span{byte}, out bool, out uint)"/>), restart their duration, keep the
/// event code and have no marker bit; only the final segment ends with the E bit.
/// </remarks>
public sealed class DtmfEventSender
{
    private long _index;
    private long _updates;
    private long _total;
    private byte _event;

    /// <summary>Volume in −dBm0 put in every packet.</summary>
    public byte Volume { get; init; } = 10;

    /// <summary>Samples (8 kHz units) per update; 160 for 20 ms. Between 1 and 65,535.</summary>
    public int Step { get; init; } = 160;

    /// <summary>The duration of every segment but the last of a long press.</summary>
    public int SegmentDuration => ushort.MaxValue / Step * Step;

    /// <summary>True while packets remain to be sent.</summary>
    public bool IsActive { get; private set; }

    /// <summary>
    /// Starts a key press; false when <paramref name="digit"/> is not a DTMF key, the duration is not positive or
    /// longer than a day, or <see cref="Step"/> is out of range.
    /// </summary>
    public bool Start(char digit, TimeSpan duration)
    {
        var code = TelephoneEventPayload.FromDigit(digit);
        if (code < 0 || duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(1) || Step is < 1 or > ushort.MaxValue)
        {
            return false;
        }

        _event = (byte)code;
        _total = Math.Max(1, duration.Ticks * 8000 / TimeSpan.TicksPerSecond);
        _updates = Math.Max(1, (_total + Step - 1) / Step);
        _index = 0;
        IsActive = true;
        return true;
    }

    /// <summary>
    /// Writes the next 4-byte payload; returns false when the press is complete. <paramref name="marker"/> is
    /// true for the first packet. For presses longer than one segment use the overload with the timestamp offset.
    /// </summary>
    public bool Next(Span<byte> payload, out bool marker) => Next(payload, out marker, out _);

    /// <summary>
    /// Writes the next 4-byte payload; returns false when the press is complete. <paramref name="marker"/> is
    /// true for the first packet; <paramref name="timestampOffset"/> is what to add to the press's start
    /// timestamp for this packet (0 in the first segment, a multiple of <see cref="SegmentDuration"/> after).
    /// </summary>
    public bool Next(Span<byte> payload, out bool marker, out uint timestampOffset)
    {
        marker = _index == 0;
        timestampOffset = 0;
        if (!IsActive)
        {
            return false;
        }

        var end = _index >= _updates;
        var elapsed = end ? _total : _index * Step;
        var segment = elapsed == 0 ? 0 : (elapsed - 1) / SegmentDuration;
        var offset = segment * SegmentDuration;
        timestampOffset = unchecked((uint)offset);
        new TelephoneEventPayload(_event, end, Volume, (ushort)(elapsed - offset)).Write(payload);
        _index++;
        if (_index >= _updates + 3)
        {
            IsActive = false;
        }

        return true;
    }
}
