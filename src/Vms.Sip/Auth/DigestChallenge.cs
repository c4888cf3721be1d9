using System.Text;
using Vms.Sip.Uris;

namespace Vms.Sip.Auth;

/// <summary>A <c>Digest</c> challenge of WWW-Authenticate / Proxy-Authenticate (RFC 3261 §22.4, RFC 7616, RFC 8760).</summary>
/// <param name="Realm">The realm.</param>
/// <param name="Nonce">The nonce.</param>
/// <param name="Algorithm">MD5 (also when absent), SHA-256 …</param>
/// <param name="Qop">The qop options, e.g. <c>auth</c>; null for RFC 2069 style.</param>
/// <param name="Opaque">The opaque value, if any.</param>
/// <param name="Stale">True when the previous nonce expired.</param>
public sealed record DigestChallenge(string Realm, string Nonce, string Algorithm = "MD5", string? Qop = "auth", string? Opaque = null, bool Stale = false)
{
    /// <summary>Parses a challenge; false for other schemes or a missing realm/nonce.</summary>
    public static bool TryParse(string value, out DigestChallenge? challenge)
    {
        challenge = null;
        if (!DigestParameters.TryParse(value, out var p) || p.Get("realm") is not { } realm || p.Get("nonce") is not { } nonce)
        {
            return false;
        }

        challenge = new DigestChallenge(realm, nonce, p.Get("algorithm") ?? "MD5", p.Get("qop"), p.Get("opaque"),
            string.Equals(p.Get("stale"), "true", StringComparison.OrdinalIgnoreCase));
        return true;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder("Digest realm=").Append(SipText.Quote(Realm)).Append(", nonce=").Append(SipText.Quote(Nonce));
        if (Opaque is not null)
        {
            sb.Append(", opaque=").Append(SipText.Quote(Opaque));
        }

        sb.Append(", algorithm=").Append(Algorithm);
        if (Qop is not null)
        {
            sb.Append(", qop=").Append(SipText.Quote(Qop));
        }

        if (Stale)
        {
            sb.Append(", stale=TRUE");
        }

        return sb.ToString();
    }
}
