using System.Security.Cryptography;
using System.Text;

namespace Vms.Sip.Auth;

/// <summary>Digest response computation (RFC 2617 §3.2.2, RFC 7616 §3.4.1) for MD5 and SHA-256.</summary>
public static class DigestCalculator
{
    /// <summary>True for the algorithms this stack computes (MD5, SHA-256 and their -sess forms).</summary>
    public static bool IsSupported(string algorithm) =>
        algorithm.ToUpperInvariant() is "MD5" or "MD5-SESS" or "SHA-256" or "SHA-256-SESS";

    /// <summary>Computes the <c>response</c> value.</summary>
    public static string ComputeResponse(string algorithm, string username, string realm, string password, string method, string uri,
        string nonce, string? qop, string? nonceCount, string? clientNonce)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        var upper = algorithm.ToUpperInvariant();
        var ha1 = Hash(upper, username + ":" + realm + ":" + password);
        if (upper.EndsWith("-SESS", StringComparison.Ordinal))
        {
            ha1 = Hash(upper, ha1 + ":" + nonce + ":" + clientNonce);
        }

        var ha2 = Hash(upper, method + ":" + uri);
        return string.IsNullOrEmpty(qop)
            ? Hash(upper, ha1 + ":" + nonce + ":" + ha2)
            : Hash(upper, ha1 + ":" + nonce + ":" + nonceCount + ":" + clientNonce + ":" + qop + ":" + ha2);
    }

    /// <summary>Hex digest of text with the algorithm's hash.</summary>
    public static string Hash(string algorithm, string text)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5351 // MD5 is what RFC 2617/3261 digest mandates for interop; SHA-256 is preferred when offered.
        var hash = algorithm.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase) ? SHA256.HashData(bytes) : MD5.HashData(bytes);
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }
}
