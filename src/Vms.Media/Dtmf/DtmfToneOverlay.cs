using Vms.Media.Codecs;

namespace Vms.Media.Dtmf;

/// <summary>
/// Turns RFC 4733 events into in-band DTMF for a relay leg that has no telephone-event: while an event is
/// active, the relayed audio payload is replaced by the key's two tones (−10 dBm0-ish, encoded in the leg's
/// law). An event ends on its E bit or when no event packet came for 500 ms of relayed audio (4,000 samples, counted
/// in samples so that 10, 20, 30 or 60 ms packets all give the same time). Allocation-free.
/// </summary>
internal sealed class DtmfToneOverlay
{
    private const int TimeToLiveSamples = 4000;
    private const double Amplitude = 5000;
    private uint _timestamp;
    private byte _event;
    private uint _endedTimestamp;
    private bool _hasEnded;
    private double _low;
    private double _high;
    private long _phase;
    private int _timeToLive;

    public bool IsActive => _timeToLive > 0;

    /// <summary>Feeds one telephone-event payload received on the source leg.</summary>
    public void OnEvent(uint timestamp, ReadOnlySpan<byte> payload)
    {
        if (!TelephoneEventPayload.TryRead(payload, out var ev) || ev.Event > 15 || (_hasEnded && timestamp == _endedTimestamp))
        {
            return;
        }

        if (ev.End)
        {
            _timeToLive = 0;
            _hasEnded = true;
            _endedTimestamp = timestamp;
            return;
        }

        if (!IsActive || (timestamp != _timestamp && ev.Event != _event))
        {
            _phase = 0;
            _event = ev.Event;
            (_low, _high) = Frequencies(ev.Event);
        }

        _timestamp = timestamp; // the next segment of a long event (RFC 4733 §2.5.1.3) keeps the tone going

        _timeToLive = TimeToLiveSamples;
    }

    /// <summary>Writes the tone over <paramref name="payload"/> (G.711 codes of <paramref name="law"/>).</summary>
    public void Overwrite(Span<byte> payload, G711Law law)
    {
        for (var i = 0; i < payload.Length; i++)
        {
            var t = (double)(_phase + i) / 8000;
            var sample = (Amplitude * Math.Sin(2 * Math.PI * _low * t)) + (Amplitude * Math.Sin(2 * Math.PI * _high * t));
            payload[i] = law == G711Law.Ulaw ? G711.LinearToUlaw((short)sample) : G711.LinearToAlaw((short)sample);
        }

        _phase += payload.Length;
        _timeToLive -= payload.Length;
    }

    private static (double Low, double High) Frequencies(byte code)
    {
        // Keypad rows and columns: 1 2 3 A / 4 5 6 B / 7 8 9 C / * 0 # D.
        var (row, col) = code switch
        {
            0 => (3, 1),
            10 => (3, 0),
            11 => (3, 2),
            >= 12 => (code - 12, 3),
            _ => ((code - 1) / 3, (code - 1) % 3),
        };
        return (Rows[row], Cols[col]);
    }

    private static ReadOnlySpan<double> Rows => [697, 770, 852, 941];

    private static ReadOnlySpan<double> Cols => [1209, 1336, 1477, 1633];
}
