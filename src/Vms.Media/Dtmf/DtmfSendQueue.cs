using Vms.Media.Rtp;

namespace Vms.Media.Dtmf;

/// <summary>
/// Digits waiting to be sent as RFC 4733 events on a session's stream, one packet per media tick, with a
/// 60 ms gap between key presses. Used under the session's lock.
/// </summary>
internal sealed class DtmfSendQueue
{
    private const int GapTicks = 3;
    private readonly DtmfEventSender _sender = new();
    private readonly Queue<char> _digits = new();
    private TimeSpan _duration = TimeSpan.FromMilliseconds(100);
    private uint _timestamp;
    private int _gap;

    public void Enqueue(string digits, TimeSpan duration)
    {
        _duration = duration;
        foreach (var d in digits)
        {
            _digits.Enqueue(d);
        }
    }

    /// <summary>Writes the next event packet into <paramref name="packet"/>; returns its length or 0.</summary>
    public int Next(Span<byte> packet, RtpSender stream, byte payloadType, long tick)
    {
        if (!_sender.IsActive)
        {
            if (_gap > 0)
            {
                _gap--;
                return 0;
            }

            if (!_digits.TryDequeue(out var digit) || !_sender.Start(digit, _duration))
            {
                return 0;
            }

            _timestamp = stream.TimestampAt(tick);
        }

        var length = 0;
        if (_sender.Next(packet.Slice(RtpHeader.FixedLength, TelephoneEventPayload.Length), out var marker, out var offset))
        {
            stream.WriteHeader(packet, marker, payloadType, unchecked(_timestamp + offset), TelephoneEventPayload.Length, _sender);
            length = RtpHeader.FixedLength + TelephoneEventPayload.Length;
        }

        if (!_sender.IsActive)
        {
            _gap = GapTicks;
        }

        return length;
    }
}
