namespace Vms.Telephony.Signalling;

/// <summary>What both sides of a B2BUA have in common once a dialog exists.</summary>
public interface ISipSession
{
    /// <summary>The Call-ID of this leg.</summary>
    string CallId { get; }

    /// <summary>Cancelled when the far side ends the session (CANCEL, BYE, failure); see <see cref="EndedBy"/>.</summary>
    CancellationToken Ended { get; }

    SessionEnd EndedBy { get; }

    /// <summary>Called on a re-INVITE from the far side; when not set, re-INVITEs are answered 488.</summary>
    ReInviteHandler? OnReInvite { get; set; }

    /// <summary>Called on a REFER from the far side (blind transfer); when not set, REFERs are answered 403.</summary>
    ReferHandler? OnRefer { get; set; }

    /// <summary>Sends a re-INVITE with <paramref name="offer"/> and returns the final answer.</summary>
    Task<SipAnswer> ReInviteAsync(ReadOnlyMemory<byte> offer, CancellationToken cancellationToken);

    /// <summary>Sends BYE (established) and forgets the session.</summary>
    Task HangUpAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends BYE (established) with a <c>Reason</c> header (RFC 3326) when <paramref name="reason"/> is set, e.g.
    /// <c>SIP;cause=200;text="media timeout"</c>, and forgets the session.
    /// </summary>
    Task HangUpAsync(string? reason, CancellationToken cancellationToken);
}
