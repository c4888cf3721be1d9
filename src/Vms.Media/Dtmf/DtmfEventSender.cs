namespace Vms.Media.Dtmf;

/// <summary>
/// Produces the RFC 4733 §2.5.1 packet sequence for one key press, one payload per packetisation interval:
/// the first with the marker bit, updates with growing duration, then the final packet three times with the
/// E bit (each its own sequence number, RFC 3550). All packets carry the event start timestamp.
/// </summary>
public sealed class DtmfEventSender
{
    private int _index;
    private int _updates;
    private int _total;
    private byte _event;

    /// <summary>Volume in −dBm0 put in every packet.</summary>
    public byte Volume { get; init; } = 10;

    /// <summary>Samples (8 kHz units) per update; 160 for 20 ms.</summary>
    public int Step { get; init; } = 160;

    /// <summary>True while packets remain to be sent.</summary>
    public bool IsActive { get; private set; }

    /// <summary>Starts a key press; false when <paramref name="digit"/> is not a DTMF key.</summary>
    public bool Start(char digit, TimeSpan duration)
    {
        var code = TelephoneEventPayload.FromDigit(digit);
        if (code < 0 || duration <= TimeSpan.Zero)
        {
            return false;
        }

        _event = (byte)code;
        _total = (int)Math.Min(ushort.MaxValue, duration.Ticks * 8000 / TimeSpan.TicksPerSecond);
        _updates = Math.Max(1, (_total + Step - 1) / Step);
        _index = 0;
        IsActive = true;
        return true;
    }

    /// <summary>
    /// Writes the next 4-byte payload; returns false when the press is complete. <paramref name="marker"/> is
    /// true for the first packet.
    /// </summary>
    public bool Next(Span<byte> payload, out bool marker)
    {
        marker = _index == 0;
        if (!IsActive)
        {
            return false;
        }

        TelephoneEventPayload value;
        if (_index < _updates)
        {
            value = new TelephoneEventPayload(_event, false, Volume, (ushort)(_index * Step));
        }
        else
        {
            value = new TelephoneEventPayload(_event, true, Volume, (ushort)_total);
        }

        value.Write(payload);
        _index++;
        if (_index >= _updates + 3)
        {
            IsActive = false;
        }

        return true;
    }
}
