namespace Vms.Media.Rtp;

/// <summary>
/// Per-source receive bookkeeping of RFC 3550 Appendix A: sequence validation with wrap-around (A.1),
/// expected/lost counts and fraction lost (A.3) and interarrival jitter (A.8). Not thread-safe: one
/// receiving loop owns an instance.
/// </summary>
public sealed class RtpReceiveStatistics
{
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int MinSequential = 2;
    private const uint RtpSeqMod = 1 << 16;

    private ushort _maxSeq;
    private uint _cycles;
    private long _baseSeq;
    private uint _badSeq = RtpSeqMod + 1;
    private int _probation = MinSequential;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private long _transit;
    private bool _hasTransit;
    private double _jitter;
    private bool _initialised;

    /// <summary>The SSRC being tracked.</summary>
    public uint Ssrc { get; private set; }

    /// <summary>Packets received and accepted as valid.</summary>
    public long Received => _received;

    /// <summary>Highest extended sequence number received (cycles in the upper 16 bits).</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSeq;

    /// <summary>Packets expected from the first to the highest sequence number.</summary>
    public long Expected => _initialised ? (long)ExtendedHighestSequence - _baseSeq + 1 : 0;

    /// <summary>Cumulative packets lost (can be negative with duplicates, as RFC 3550 allows).</summary>
    public long CumulativeLost => Expected - _received;

    /// <summary>Interarrival jitter in RTP timestamp units.</summary>
    public uint Jitter => (uint)_jitter;

    /// <summary>
    /// Records a packet. <paramref name="arrival"/> is the arrival time in RTP timestamp units of the
    /// stream's clock. Returns false when the packet is not (yet) considered valid: probation or a large jump.
    /// </summary>
    public bool Update(uint ssrc, ushort seq, uint rtpTimestamp, long arrival)
    {
        if (!_initialised || ssrc != Ssrc)
        {
            Init(ssrc, seq);
            _maxSeq = (ushort)(seq - 1);
            _probation = MinSequential;
            _initialised = true;
        }

        if (!UpdateSeq(seq))
        {
            return false;
        }

        _received++;
        var transit = arrival - rtpTimestamp;
        if (_hasTransit)
        {
            var d = Math.Abs(transit - _transit);
            _jitter += (d - _jitter) / 16.0;
        }

        _transit = transit;
        _hasTransit = true;
        return true;
    }

    /// <summary>
    /// The fraction lost since the previous call, as the 8-bit fixed-point value of an RTCP report block
    /// (RFC 3550 A.3), and resets the interval.
    /// </summary>
    public byte TakeFractionLost()
    {
        var expected = Expected;
        var expectedInterval = expected - _expectedPrior;
        _expectedPrior = expected;
        var receivedInterval = _received - _receivedPrior;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval == 0 || lostInterval <= 0)
        {
            return 0;
        }

        return (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
    }

    private void Init(uint ssrc, ushort seq)
    {
        Ssrc = ssrc;
        _baseSeq = seq;
        _maxSeq = seq;
        _badSeq = RtpSeqMod + 1;
        _cycles = 0;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;
        _hasTransit = false;
        _jitter = 0;
    }

    private bool UpdateSeq(ushort seq)
    {
        var udelta = (ushort)(seq - _maxSeq);
        if (_probation > 0)
        {
            if (seq == (ushort)(_maxSeq + 1))
            {
                _probation--;
                _maxSeq = seq;
                if (_probation == 0)
                {
                    Init(Ssrc, seq);
                    _baseSeq = (long)seq - (MinSequential - 1); // count the probation packets too
                    _received = MinSequential - 1;
                    return true;
                }
            }
            else
            {
                _probation = MinSequential - 1;
                _maxSeq = seq;
            }

            return false;
        }

        if (udelta < MaxDropout)
        {
            if (seq < _maxSeq)
            {
                _cycles += RtpSeqMod;
            }

            _maxSeq = seq;
        }
        else if (udelta <= RtpSeqMod - MaxMisorder)
        {
            if (seq == _badSeq)
            {
                Init(Ssrc, seq);
            }
            else
            {
                _badSeq = (uint)((seq + 1) & (RtpSeqMod - 1));
                return false;
            }
        }

        return true;
    }
}
