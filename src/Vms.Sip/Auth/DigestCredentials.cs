using System.Text;
using Vms.Sip.Uris;

namespace Vms.Sip.Auth;

/// <summary>The <c>Digest</c> credentials of Authorization / Proxy-Authorization.</summary>
public sealed record DigestCredentials(string Username, string Realm, string Nonce, string Uri, string Response, string Algorithm,
    string? Qop, string? NonceCount, string? ClientNonce, string? Opaque)
{
    /// <summary>Parses credentials; false for other schemes or missing mandatory fields.</summary>
    public static bool TryParse(string value, out DigestCredentials? credentials)
    {
        credentials = null;
        if (!DigestParameters.TryParse(value, out var p) || p.Get("username") is not { } user || p.Get("realm") is not { } realm
            || p.Get("nonce") is not { } nonce || p.Get("uri") is not { } uri || p.Get("response") is not { } response)
        {
            return false;
        }

        credentials = new DigestCredentials(user, realm, nonce, uri, response, p.Get("algorithm") ?? "MD5", p.Get("qop"), p.Get("nc"),
            p.Get("cnonce"), p.Get("opaque"));
        return true;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder("Digest username=").Append(SipText.Quote(Username))
            .Append(", realm=").Append(SipText.Quote(Realm))
            .Append(", nonce=").Append(SipText.Quote(Nonce))
            .Append(", uri=").Append(SipText.Quote(Uri))
            .Append(", response=").Append(SipText.Quote(Response))
            .Append(", algorithm=").Append(Algorithm);
        if (Qop is not null)
        {
            sb.Append(", qop=").Append(Qop).Append(", nc=").Append(NonceCount).Append(", cnonce=").Append(SipText.Quote(ClientNonce ?? string.Empty));
        }

        if (Opaque is not null)
        {
            sb.Append(", opaque=").Append(SipText.Quote(Opaque));
        }

        return sb.ToString();
    }
}
