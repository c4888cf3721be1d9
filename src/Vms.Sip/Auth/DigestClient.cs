using Vms.Sip.Headers;
using Vms.Sip.Messages;

namespace Vms.Sip.Auth;

/// <summary>UAC side of digest: answers a 401/407 by building the request again with credentials (RFC 3261 §22.2, RFC 8760 §2.4).</summary>
public static class DigestClient
{
    /// <summary>
    /// Builds the retry of <paramref name="original"/> for a 401/407: same Call-ID and tags, CSeq + 1, no Via (a new
    /// branch is added when sent) and an Authorization / Proxy-Authorization for the topmost challenge whose algorithm
    /// is supported. Returns null when no challenge can be answered.
    /// </summary>
    public static SipRequest? CreateAuthorizedRequest(SipRequest original, SipResponse challengeResponse, SipCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(challengeResponse);
        ArgumentNullException.ThrowIfNull(credentials);
        var proxy = challengeResponse.StatusCode == 407;
        var challengeKind = proxy ? HeaderKind.ProxyAuthenticate : HeaderKind.WwwAuthenticate;
        var answerKind = proxy ? HeaderKind.ProxyAuthorization : HeaderKind.Authorization;
        DigestChallenge? chosen = null;
        foreach (var field in challengeResponse.Headers)
        {
            if (field.Kind == challengeKind && DigestChallenge.TryParse(field.ValueText, out var c) && DigestCalculator.IsSupported(c!.Algorithm))
            {
                chosen = c;
                break;
            }
        }

        if (chosen is null || original.CSeq is not { } cseq)
        {
            return null;
        }

        var retry = original.Clone();
        retry.Headers.RemoveAll(HeaderKind.Via);
        retry.Headers.RemoveAll(answerKind);
        retry.Headers.Set(HeaderKind.CSeq, SipCSeq.Format(cseq.Number + 1, original.Method));
        var uri = original.RequestUri!.ToString();
        var qop = chosen.Qop?.Split(',', StringSplitOptions.TrimEntries).Contains("auth", StringComparer.OrdinalIgnoreCase) == true ? "auth" : null;
        var cnonce = qop is null ? null : SipIds.NewTag();
        var nc = qop is null ? null : "00000001";
        var response = DigestCalculator.ComputeResponse(chosen.Algorithm, credentials.Username, chosen.Realm, credentials.Password,
            original.Method, uri, chosen.Nonce, qop, nc, cnonce);
        var answer = new DigestCredentials(credentials.Username, chosen.Realm, chosen.Nonce, uri, response, chosen.Algorithm, qop, nc, cnonce, chosen.Opaque);
        retry.Headers.Add(answerKind, answer.ToString());
        return retry;
    }
}
