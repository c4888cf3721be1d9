using System.Globalization;
using System.Text;
using Vms.Sip.Headers;
using Vms.Sip.Uris;

namespace Vms.Sip.Messages;

/// <summary>
/// A SIP request or response: ordered headers (kept byte-exact) and a body. Typed views parse on demand and
/// return null when a header is absent or unreadable, never throw.
/// </summary>
public abstract class SipMessage
{
    private ViewCache? _cache;

    private protected SipMessage(SipHeaders headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers;
        Body = body;
    }

    /// <summary>The header fields in wire order.</summary>
    public SipHeaders Headers { get; }

    /// <summary>The body; Content-Length is computed from it when serializing.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The Call-ID, or null.</summary>
    public string? CallId
    {
        get
        {
            var cache = Cache();
            return cache.CallId ??= Headers.GetFirst(HeaderKind.CallId)?.Trim();
        }
    }

    /// <summary>The CSeq, or null when absent or malformed.</summary>
    public SipCSeq? CSeq
    {
        get
        {
            var cache = Cache();
            if (!cache.HasCSeq)
            {
                cache.CSeq = Headers.TryGetFirst(HeaderKind.CSeq, out var v) && SipCSeq.TryParse(v.Span, out var c) ? c : null;
                cache.HasCSeq = true;
            }

            return cache.CSeq;
        }
    }

    /// <summary>The topmost Via, or null.</summary>
    public SipVia? Via
    {
        get
        {
            var cache = Cache();
            return cache.Via ??= Headers.TryGetFirst(HeaderKind.Via, out var v) && SipVia.TryParse(v.Span, out var via, out _) ? via : null;
        }
    }

    /// <summary>All Via values, topmost first (unreadable values are skipped).</summary>
    public IReadOnlyList<SipVia> Vias => ParseAll<SipVia>(HeaderKind.Via, static (s) => SipVia.TryParse(s, out var v, out _) ? v : null);

    /// <summary>From, or null.</summary>
    public NameAddress? From
    {
        get
        {
            var cache = Cache();
            return cache.From ??= ParseNameAddress(HeaderKind.From);
        }
    }

    /// <summary>To, or null.</summary>
    public NameAddress? To
    {
        get
        {
            var cache = Cache();
            return cache.To ??= ParseNameAddress(HeaderKind.To);
        }
    }

    /// <summary>The Contact values (a wildcard is <see cref="NameAddress.Wildcard"/>).</summary>
    public IReadOnlyList<NameAddress> Contacts => ParseNameAddresses(HeaderKind.Contact);

    /// <summary>The first Contact, or null.</summary>
    public NameAddress? Contact => ParseNameAddress(HeaderKind.Contact);

    /// <summary>Route values in order.</summary>
    public IReadOnlyList<NameAddress> Routes => ParseNameAddresses(HeaderKind.Route);

    /// <summary>Record-Route values in order.</summary>
    public IReadOnlyList<NameAddress> RecordRoutes => ParseNameAddresses(HeaderKind.RecordRoute);

    /// <summary>P-Asserted-Identity values.</summary>
    public IReadOnlyList<NameAddress> PAssertedIdentities => ParseNameAddresses(HeaderKind.PAssertedIdentity);

    /// <summary>Diversion values (forwarded calls), most recent first.</summary>
    public IReadOnlyList<NameAddress> Diversions => ParseNameAddresses(HeaderKind.Diversion);

    /// <summary>History-Info values (forwarded calls), in order.</summary>
    public IReadOnlyList<NameAddress> HistoryInfo => ParseNameAddresses(HeaderKind.HistoryInfo);

    /// <summary>Max-Forwards, or null when absent or malformed.</summary>
    public int? MaxForwards => ParseInt(HeaderKind.MaxForwards);

    /// <summary>Expires (seconds), or null.</summary>
    public int? Expires => ParseInt(HeaderKind.Expires);

    /// <summary>The Content-Length header value, or null (serialization always writes the real body length).</summary>
    public int? ContentLength => ParseInt(HeaderKind.ContentLength);

    /// <summary>Content-Type, or null.</summary>
    public SipContentType? ContentType =>
        Headers.GetFirst(HeaderKind.ContentType) is { } t && SipContentType.TryParse(t, out var ct) ? ct : null;

    /// <summary>Allow tokens.</summary>
    public IReadOnlyList<string> Allow => Headers.GetTexts(HeaderKind.Allow);

    /// <summary>Supported option tags.</summary>
    public IReadOnlyList<string> Supported => Headers.GetTexts(HeaderKind.Supported);

    /// <summary>Require option tags.</summary>
    public IReadOnlyList<string> Require => Headers.GetTexts(HeaderKind.Require);

    /// <summary>Proxy-Require option tags.</summary>
    public IReadOnlyList<string> ProxyRequire => Headers.GetTexts(HeaderKind.ProxyRequire);

    /// <summary>Unsupported option tags.</summary>
    public IReadOnlyList<string> Unsupported => Headers.GetTexts(HeaderKind.Unsupported);

    /// <summary>Privacy values (RFC 3323), split at ';' and ','.</summary>
    public IReadOnlyList<string> Privacy => Headers.GetTexts(HeaderKind.Privacy)
        .SelectMany(v => v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    /// <summary>Reason values (RFC 3326).</summary>
    public IReadOnlyList<SipReason> Reasons => ParseAll<SipReason>(HeaderKind.Reason, static s => SipReason.TryParse(Encoding.UTF8.GetString(s), out var r) ? r : null);

    /// <summary>True when this is a request.</summary>
    public abstract bool IsRequest { get; }

    /// <summary>The wire form as bytes.</summary>
    public byte[] ToBytes() => SipSerializer.Serialize(this);

    /// <summary>The wire form as text (for logs and tests).</summary>
    public override string ToString() => Encoding.UTF8.GetString(ToBytes());

    private ViewCache Cache()
    {
        var cache = _cache;
        if (cache is null || cache.Version != Headers.Version)
        {
            cache = new ViewCache { Version = Headers.Version };
            _cache = cache;
        }

        return cache;
    }

    private NameAddress? ParseNameAddress(HeaderKind kind) =>
        Headers.TryGetFirst(kind, out var v) && NameAddress.TryParse(v.Span, out var n, out _) ? n : null;

    private List<NameAddress> ParseNameAddresses(HeaderKind kind) =>
        ParseAll<NameAddress>(kind, static s => NameAddress.TryParse(s, out var n, out _) ? n : null);

    private List<T> ParseAll<T>(HeaderKind kind, ParseFunc<T> parse)
        where T : class
    {
        var result = new List<T>();
        foreach (var value in Headers.GetValues(kind))
        {
            if (parse(value.Span) is { } item)
            {
                result.Add(item);
            }
        }

        return result;
    }

    private int? ParseInt(HeaderKind kind) =>
        Headers.TryGetFirst(kind, out var v) && int.TryParse(v.Span, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private delegate T? ParseFunc<out T>(ReadOnlySpan<byte> value);

    /// <summary>Parsed views of one version of the headers (a missing header is simply parsed again).</summary>
    private sealed class ViewCache
    {
        public int Version { get; init; }

        public string? CallId { get; set; }

        public SipCSeq? CSeq { get; set; }

        public bool HasCSeq { get; set; }

        public SipVia? Via { get; set; }

        public NameAddress? From { get; set; }

        public NameAddress? To { get; set; }
    }
}
