namespace Vms.Media.Sdp;

/// <summary>Outcome of <see cref="OfferAnswer"/>: the local description to send (for offers and answers),
/// the negotiated media when accepted, or a reason.</summary>
public sealed record NegotiationResult(NegotiationStatus Status, SessionDescription? LocalDescription, NegotiatedMedia? Media, string? Reason)
{
    /// <summary>True when <see cref="Media"/> is set.</summary>
    public bool IsAccepted => Status == NegotiationStatus.Accepted;
}
