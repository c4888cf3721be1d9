using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Rtp;

namespace Vms.Media.Relay;

/// <summary>
/// Forwards the packets one leg receives out of the other leg, as that leg's own stream: SSRC and sequence
/// number of the target's <see cref="RtpSender"/>, timestamps shifted by an offset that is re-based whenever
/// the incoming SSRC changes (transfer, re-INVITE) or another writer (an announcement) used the target stream
/// in between, with the marker bit set on the first packet after a re-base. Payload types are mapped to the
/// target's negotiation; PCMU↔PCMA is transcoded through 256-byte tables; DTMF events for a target without
/// telephone-event become in-band tones. A target whose <c>a=maxptime</c> is below 20
/// (<see cref="Sdp.NegotiatedMedia.SendPtime"/> 10) gets audio packets longer than 10 ms split into 80-sample
/// packets (consecutive sequence numbers and timestamps, the marker only on the first). One receive loop owns
/// an instance.
/// </summary>
internal sealed class RtpForwarder
{
    private const int SplitSamples = 80; // 10 ms of G.711
    private static readonly byte[] UlawToAlaw = BuildTable(G711Law.Ulaw, G711Law.Alaw);
    private static readonly byte[] AlawToUlaw = BuildTable(G711Law.Alaw, G711Law.Ulaw);
    private readonly byte[] _buffer = new byte[1500];
    private readonly MediaSession _target;
    private readonly DtmfToneOverlay _overlay = new();
    private bool _anchored;
    private uint _incomingSsrc;
    private uint _offset;
    private uint _lastAudioEnd; // target timestamp just after the last audio packet this forwarder sent
    private bool _sentAudio;

    public RtpForwarder(MediaSession target, bool passDtmf)
    {
        _target = target;
        PassDtmf = passDtmf;
    }

    public bool PassDtmf { get; }

    public long Forwarded { get; private set; }

    public void ForwardAudio(in RtpHeader header, ReadOnlySpan<byte> payload, G711Law sourceLaw)
    {
        if (_target.Media is not { CanSend: true } media || payload.Length + 12 > _buffer.Length)
        {
            return;
        }

        var marker = Rebase(header);
        var out_ = _buffer.AsSpan(12, payload.Length);
        if (media.Codec == sourceLaw)
        {
            payload.CopyTo(out_);
        }
        else
        {
            var table = sourceLaw == G711Law.Ulaw ? UlawToAlaw : AlawToUlaw;
            for (var i = 0; i < payload.Length; i++)
            {
                out_[i] = table[payload[i]];
            }
        }

        if (_overlay.IsActive)
        {
            _overlay.Overwrite(out_, media.Codec);
        }

        if (media.SendPtime < 20 && payload.Length > SplitSamples)
        {
            // The target's a=maxptime is below 20: its share of a bigger packet goes out as 10 ms packets.
            for (var at = 0; at < payload.Length; at += SplitSamples)
            {
                Send(at, (marker || header.Marker) && at == 0, media.PayloadType, unchecked(header.Timestamp + (uint)at), Math.Min(SplitSamples, payload.Length - at));
            }
        }
        else
        {
            Send(0, marker || header.Marker, media.PayloadType, header.Timestamp, payload.Length);
        }

        _lastAudioEnd = unchecked(header.Timestamp + _offset + (uint)payload.Length); // G.711: one byte per sample
        _sentAudio = true;
    }

    public void ForwardEvent(in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (PassDtmf && _target.Media is { TelephoneEventPayloadType: null })
        {
            _overlay.OnEvent(header.Timestamp, payload); // the target only understands tones
            return;
        }

        if (!PassDtmf || _target.Media is not { CanSend: true, TelephoneEventPayloadType: { } pt } || payload.Length + 12 > _buffer.Length)
        {
            return;
        }

        var marker = Rebase(header);
        payload.CopyTo(_buffer.AsSpan(12));
        Send(0, marker && header.Marker, pt, header.Timestamp, payload.Length);
    }

    private bool Rebase(in RtpHeader header)
    {
        if (_anchored && header.Ssrc == _incomingSsrc && _target.Sender.LastWrittenBy(this))
        {
            return false;
        }

        _anchored = true;
        _incomingSsrc = header.Ssrc;
        var next = _target.Sender.TimestampAt(_target.ClockTick);
        // The last packet on the target stream ended one packet time (20 ms, or 10 ms for a maxptime < 20 target)
        // after its timestamp when a player wrote it, or after its own sample count when this forwarder did (peers
        // may send 10–60 ms packets).
        var afterLast = _target.Sender.LastWrittenBy(this) && _sentAudio
            ? _lastAudioEnd
            : unchecked(_target.Sender.LastTimestamp + (uint)(_target.Media is { SendPtime: < 20 } ? 80 : 160));
        if (_target.Sender.PacketCount > 0 && (int)(next - afterLast) < 0)
        {
            next = afterLast; // never step back in time on the target stream
        }

        _offset = unchecked(next - header.Timestamp);
        return true;
    }

    /// <summary>
    /// Sends the payload bytes at 12 + <paramref name="at"/> of the buffer, writing the header into the 12 bytes
    /// before them (for a split packet, bytes of the part already sent).
    /// </summary>
    private void Send(int at, bool marker, byte payloadType, uint timestamp, int payloadLength)
    {
        var packet = _buffer.AsSpan(at, 12 + payloadLength);
        _target.Sender.WriteHeader(packet, marker, payloadType, unchecked(timestamp + _offset), payloadLength, this);
        _target.SendRtp(packet);
        Forwarded++;
    }

    private static byte[] BuildTable(G711Law from, G711Law to)
    {
        var table = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            var linear = from == G711Law.Ulaw ? G711.UlawToLinear((byte)i) : G711.AlawToLinear((byte)i);
            table[i] = to == G711Law.Ulaw ? G711.LinearToUlaw(linear) : G711.LinearToAlaw(linear);
        }

        return table;
    }
}
