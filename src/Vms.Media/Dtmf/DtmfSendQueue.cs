using Vms.Media.Rtp;

namespace Vms.Media.Dtmf;

/// <summary>
/// Digits waiting to be sent as RFC 4733 events on a session's stream, one packet per packetisation interval
/// (20 ms, or 10 ms for a peer whose <c>a=maxptime</c> is below 20: then durations grow in 80-unit steps and the
/// session asks for two packets per media tick), with a 60 ms gap between key presses. Used under the session's lock.
/// </summary>
internal sealed class DtmfSendQueue
{
    private const int GapSamples = 480; // 60 ms
    private readonly DtmfEventSender _sender20 = new();
    private readonly DtmfEventSender _sender10 = new() { Step = 80 };
    private readonly Queue<char> _digits = new();
    private DtmfEventSender _sender;
    private TimeSpan _duration = TimeSpan.FromMilliseconds(100);
    private uint _timestamp;
    private int _gap;

    public DtmfSendQueue() => _sender = _sender20;

    public void Enqueue(string digits, TimeSpan duration)
    {
        _duration = duration;
        foreach (var d in digits)
        {
            _digits.Enqueue(d);
        }
    }

    /// <summary>Writes the next 20 ms event packet of media clock <paramref name="tick"/>; returns its length or 0.</summary>
    public int Next(Span<byte> packet, RtpSender stream, byte payloadType, long tick) =>
        Next(packet, stream, payloadType, stream.TimestampAt(tick), 160);

    /// <summary>
    /// Writes the next event packet into <paramref name="packet"/> for the interval starting at
    /// <paramref name="timestamp"/> (<paramref name="samplesPerPacket"/>: 160 for 20 ms, 80 for 10 ms);
    /// returns its length or 0.
    /// </summary>
    public int Next(Span<byte> packet, RtpSender stream, byte payloadType, uint timestamp, int samplesPerPacket)
    {
        if (!_sender.IsActive)
        {
            if (_gap > 0)
            {
                _gap -= samplesPerPacket;
                return 0;
            }

            var sender = samplesPerPacket == _sender10.Step ? _sender10 : _sender20;
            if (!_digits.TryDequeue(out var digit) || !sender.Start(digit, _duration))
            {
                return 0;
            }

            _sender = sender;
            _timestamp = timestamp;
        }

        var length = 0;
        if (_sender.Next(packet.Slice(RtpHeader.FixedLength, TelephoneEventPayload.Length), out var marker, out var offset))
        {
            stream.WriteHeader(packet, marker, payloadType, unchecked(_timestamp + offset), TelephoneEventPayload.Length, _sender);
            length = RtpHeader.FixedLength + TelephoneEventPayload.Length;
        }

        if (!_sender.IsActive)
        {
            _gap = GapSamples;
        }

        return length;
    }
}
