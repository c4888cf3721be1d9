using Vms.Media.Sdp;

namespace Vms.Telephony.Media;

/// <summary>One anchored RTP endpoint of a call leg (a port pair of VMS facing one peer).</summary>
public interface IMediaEndpoint : IDisposable
{
    int Port { get; }

    /// <summary>
    /// How many media packets (RTP audio, RFC 4733 events, RTCP) this endpoint has received from its peer so far. The call
    /// layer reads it only every few seconds (media timeout), never per packet. Only its changes matter.
    /// </summary>
    long PacketsReceived { get; }

    /// <summary>Where to send and which codec, from the offer/answer (called again after a re-INVITE).</summary>
    void Connect(NegotiatedMedia remote);

    /// <summary>Plays a prompt to the peer; with <paramref name="stopOnDigit"/> a DTMF key stops it (barge-in) and is kept for <see cref="CollectDigitsAsync"/>.</summary>
    Task<PlayOutcome> PlayAsync(string prompt, bool stopOnDigit, CancellationToken cancellationToken);

    /// <summary>Collects DTMF keys (RFC 4733 or in-band) until the options say stop; empty on timeout.</summary>
    Task<string> CollectDigitsAsync(DigitOptions options, CancellationToken cancellationToken);

    /// <summary>Relays RTP both ways between this endpoint and <paramref name="other"/> until disposed.</summary>
    IDisposable Bridge(IMediaEndpoint other);
}
