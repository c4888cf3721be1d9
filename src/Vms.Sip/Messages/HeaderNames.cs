using System.Text;

namespace Vms.Sip.Messages;

/// <summary>Recognises header names (full and compact forms, RFC 3261 §7.3.3) from bytes without allocating.</summary>
public static class HeaderNames
{
    private static readonly byte[][] Canonical = BuildCanonical();
    private static readonly HeaderKind[][] ByLength = BuildByLength();

    /// <summary>The canonical (full) name of a known header as UTF-8 bytes.</summary>
    public static ReadOnlyMemory<byte> CanonicalBytes(HeaderKind kind) => Canonical[(int)kind];

    /// <summary>The canonical (full) name of a known header.</summary>
    public static string CanonicalName(HeaderKind kind) => Encoding.ASCII.GetString(Canonical[(int)kind]);

    /// <summary>Finds the kind of a header from its name, case-insensitively, compact forms included.</summary>
    public static HeaderKind Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return (name[0] | 0x20) switch
            {
                'v' => HeaderKind.Via,
                'f' => HeaderKind.From,
                't' => HeaderKind.To,
                'i' => HeaderKind.CallId,
                'm' => HeaderKind.Contact,
                'c' => HeaderKind.ContentType,
                'l' => HeaderKind.ContentLength,
                'e' => HeaderKind.ContentEncoding,
                'k' => HeaderKind.Supported,
                's' => HeaderKind.Subject,
                'o' => HeaderKind.Event,
                'r' => HeaderKind.ReferTo,
                'b' => HeaderKind.ReferredBy,
                'x' => HeaderKind.SessionExpires,
                _ => HeaderKind.Other,
            };
        }

        if (name.Length >= ByLength.Length || name.IsEmpty)
        {
            return HeaderKind.Other;
        }

        var first = (byte)(name[0] | 0x20);
        foreach (var kind in ByLength[name.Length])
        {
            var candidate = Canonical[(int)kind];
            if ((candidate[0] | 0x20) == first && System.Text.Ascii.EqualsIgnoreCase(name, candidate))
            {
                return kind;
            }
        }

        return HeaderKind.Other;
    }

    /// <summary>Finds the kind of a header from its name given as text.</summary>
    public static HeaderKind Lookup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> buffer = stackalloc byte[Math.Min(name.Length * 3, 256)];
        if (name.Length > 80 || !Encoding.UTF8.TryGetBytes(name, buffer, out var written))
        {
            return HeaderKind.Other;
        }

        return Lookup(buffer[..written]);
    }

    /// <summary>True for headers whose value is a comma-separated list (RFC 3261 §7.3.1).</summary>
    public static bool IsList(HeaderKind kind) => kind is HeaderKind.Via or HeaderKind.Contact or HeaderKind.Route
        or HeaderKind.RecordRoute or HeaderKind.Allow or HeaderKind.Accept or HeaderKind.Supported or HeaderKind.Require
        or HeaderKind.ProxyRequire or HeaderKind.Unsupported or HeaderKind.PAssertedIdentity or HeaderKind.Diversion
        or HeaderKind.HistoryInfo or HeaderKind.ContentEncoding or HeaderKind.Reason or HeaderKind.Privacy;

    private static HeaderKind[][] BuildByLength()
    {
        var max = Canonical.Max(c => c.Length);
        var result = new HeaderKind[max + 1][];
        for (var length = 0; length <= max; length++)
        {
            result[length] = Enumerable.Range(1, Canonical.Length - 1).Where(i => Canonical[i].Length == length).Select(i => (HeaderKind)i).ToArray();
        }

        return result;
    }

    private static byte[][] BuildCanonical()
    {
        string[] names =
        [
            "", "Via", "From", "To", "Call-ID", "CSeq", "Contact", "Max-Forwards", "Route", "Record-Route",
            "Content-Type", "Content-Length", "Content-Encoding", "Allow", "Accept", "Supported", "Require",
            "Proxy-Require", "Unsupported", "Expires", "WWW-Authenticate", "Proxy-Authenticate", "Authorization",
            "Proxy-Authorization", "Reason", "P-Asserted-Identity", "Privacy", "Diversion", "History-Info", "Subject",
            "Event", "Refer-To", "Referred-By", "User-Agent", "Server", "Min-Expires", "Retry-After", "Session-Expires",
        ];
        return names.Select(Encoding.ASCII.GetBytes).ToArray();
    }
}
