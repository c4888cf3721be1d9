using Vms.Media.Sdp;
using Vms.Telephony.Media;
using Vms.Telephony.Signalling;

namespace Vms.Telephony;

/// <summary>An answered outgoing leg waiting to be bridged (or hung up), with its anchored media endpoint.</summary>
public sealed class OutboundLeg : IDisposable
{
    internal OutboundLeg(IOutboundSession session, IMediaEndpoint media, SessionDescription offer, NegotiatedMedia negotiated)
    {
        Session = session;
        Media = media;
        Offer = offer;
        Negotiated = negotiated;
    }

    public IOutboundSession Session { get; }

    public IMediaEndpoint Media { get; }

    /// <summary>Our last SDP offer on this leg (its version grows with each re-INVITE).</summary>
    internal SessionDescription Offer { get; set; }

    public NegotiatedMedia Negotiated { get; internal set; }

    public void Dispose() => Media.Dispose();
}
