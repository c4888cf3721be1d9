using System.Net;

namespace Vms.Media.Rtp;

/// <summary>
/// Symmetric RTP (RFC 4961) with latching: media is sent to the address packets really come from rather than
/// the one in SDP (NAT). The first valid packet latches the source; later packets from another address are
/// refused unless they carry a new SSRC after the latched source went quiet (a re-INVITE or a NAT rebinding),
/// which re-latches.
/// </summary>
public sealed class SymmetricRtpLatch
{
    private readonly long _relatchAfterTicks;
    private long _lastFromLatchedTicks;
    private uint _latchedSsrc;

    /// <summary>Creates a latch that starts aimed at the SDP address (null when unknown).</summary>
    /// <param name="signalled">The remote address from SDP.</param>
    /// <param name="relatchAfter">How long the latched source must be silent before another can take over.</param>
    public SymmetricRtpLatch(IPEndPoint? signalled, TimeSpan relatchAfter)
    {
        Remote = signalled;
        _relatchAfterTicks = relatchAfter.Ticks;
    }

    /// <summary>Where media is sent now.</summary>
    public IPEndPoint? Remote { get; private set; }

    /// <summary>True once a packet has been latched.</summary>
    public bool IsLatched { get; private set; }

    /// <summary>Changes the signalled address (new SDP): the latch is dropped until the next packet.</summary>
    public void Resignal(IPEndPoint? signalled)
    {
        Remote = signalled;
        IsLatched = false;
    }

    /// <summary>
    /// Considers a received packet; returns true when it is accepted (from the latched source or newly latched).
    /// <paramref name="nowTicks"/> is a monotonic time in <see cref="TimeSpan"/> ticks.
    /// </summary>
    public bool Accept(IPEndPoint source, uint ssrc, long nowTicks)
    {
        if (IsLatched && source.Equals(Remote))
        {
            _lastFromLatchedTicks = nowTicks;
            _latchedSsrc = ssrc;
            return true;
        }

        var quiet = nowTicks - _lastFromLatchedTicks >= _relatchAfterTicks;
        if (!IsLatched || (ssrc != _latchedSsrc && quiet))
        {
            Remote = source;
            IsLatched = true;
            _latchedSsrc = ssrc;
            _lastFromLatchedTicks = nowTicks;
            return true;
        }

        return false;
    }
}
