namespace Vms.Media.Rtp;

/// <summary>
/// The state of one outgoing RTP stream (our SSRC): random initial sequence number and timestamp
/// (RFC 3550 §5.1), a timestamp that follows the media clock (tick × 160) so it keeps pace across silences,
/// packet and octet counts for SR. Sequence numbers are taken atomically: the clock thread (players) and a
/// relay's receive loop may both send on a stream.
/// </summary>
public sealed class RtpSender
{
    private readonly uint _timestampBase;
    private int _sequence;
    private long _packets;
    private long _octets;
    private object? _lastWriter;

    /// <summary>Creates a stream with random SSRC, sequence and timestamp origins.</summary>
    public RtpSender()
        : this((uint)Random.Shared.NextInt64(1, uint.MaxValue), (ushort)Random.Shared.Next(0, 65536), (uint)Random.Shared.NextInt64(0, uint.MaxValue))
    {
    }

    /// <summary>Creates a stream with given origins (tests).</summary>
    public RtpSender(uint ssrc, ushort firstSequence, uint timestampBase)
    {
        Ssrc = ssrc;
        _sequence = firstSequence - 1;
        _timestampBase = timestampBase;
    }

    /// <summary>Our SSRC.</summary>
    public uint Ssrc { get; }

    /// <summary>Packets sent.</summary>
    public long PacketCount => Interlocked.Read(ref _packets);

    /// <summary>Payload octets sent.</summary>
    public long OctetCount => Interlocked.Read(ref _octets);

    /// <summary>Timestamp of the last packet written.</summary>
    public uint LastTimestamp { get; private set; }

    /// <summary>The RTP timestamp that belongs to a media clock tick (8 kHz).</summary>
    public uint TimestampAt(long tick) => unchecked(_timestampBase + (uint)(tick * 160));

    /// <summary>
    /// Writes the 12-byte header of the next packet and returns true when the previous packet of this stream
    /// was written by another <paramref name="writer"/> (a player after a relay or the reverse): the caller then
    /// re-bases its timestamps and may set the marker bit.
    /// </summary>
    public bool WriteHeader(Span<byte> packet, bool marker, byte payloadType, uint timestamp, int payloadLength, object writer)
    {
        var seq = (ushort)Interlocked.Increment(ref _sequence);
        RtpHeader.WriteFixed(packet, marker, payloadType, seq, timestamp, Ssrc);
        Interlocked.Increment(ref _packets);
        Interlocked.Add(ref _octets, payloadLength);
        LastTimestamp = timestamp;
        var changed = !ReferenceEquals(Interlocked.Exchange(ref _lastWriter, writer), writer);
        return changed;
    }

    /// <summary>True when the last packet was written by <paramref name="writer"/>.</summary>
    public bool LastWrittenBy(object writer) => ReferenceEquals(Volatile.Read(ref _lastWriter), writer);
}
