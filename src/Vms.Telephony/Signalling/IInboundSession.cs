using System.Net;

namespace Vms.Telephony.Signalling;

/// <summary>The caller's side of a call: the server side of an incoming INVITE and then its dialog.</summary>
public interface IInboundSession : ISipSession
{
    /// <summary>The user part of the From URI (or P-Asserted-Identity), empty when withheld.</summary>
    string CallerNumber { get; }

    /// <summary>The user part of the Request-URI: the number called.</summary>
    string CalledNumber { get; }

    /// <summary>The signalling peer the INVITE came from.</summary>
    IPEndPoint Source { get; }

    /// <summary>The SDP offer of the INVITE; empty for a late offer.</summary>
    ReadOnlyMemory<byte> Offer { get; }

    /// <summary>Sends 180 or 183 (with SDP for early media, else empty).</summary>
    void SendProvisional(int status, ReadOnlyMemory<byte> sdp);

    /// <summary>Sends 200 with <paramref name="sdp"/> and waits for the ACK; returns the ACK's body (the answer of a late offer), or null when no ACK came.</summary>
    Task<ReadOnlyMemory<byte>?> AnswerAsync(ReadOnlyMemory<byte> sdp, CancellationToken cancellationToken);

    /// <summary>Sends a final error response (4xx–6xx) with optional extra headers (e.g. Retry-After).</summary>
    void Reject(int status, string reason, IReadOnlyList<KeyValuePair<string, string>>? headers = null);
}
