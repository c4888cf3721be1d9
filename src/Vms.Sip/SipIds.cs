using System.Security.Cryptography;
using Vms.Sip.Headers;

namespace Vms.Sip;

/// <summary>Random identifiers: branches (with the magic cookie), tags and Call-IDs.</summary>
public static class SipIds
{
    /// <summary>A new RFC 3261 branch (<c>z9hG4bK…</c>).</summary>
    public static string NewBranch() => SipVia.MagicCookie + Random(12);

    /// <summary>A new From/To tag.</summary>
    public static string NewTag() => Random(8);

    /// <summary>A new Call-ID.</summary>
    public static string NewCallId(string host) => Random(16) + "@" + host;

    private static string Random(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
