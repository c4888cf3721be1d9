using System.Globalization;
using System.Text;
using Vms.Sip.Uris;

namespace Vms.Sip.Headers;

/// <summary>One Via value (RFC 3261 §20.42, RFC 3581 rport).</summary>
/// <param name="Transport">UDP, TCP, TLS … in upper case.</param>
/// <param name="Host">The sent-by host without brackets.</param>
/// <param name="Port">The sent-by port, if any.</param>
/// <param name="Parameters">branch, received, rport, maddr, ttl …</param>
public sealed record SipVia(string Transport, string Host, int? Port, SipParameters Parameters)
{
    /// <summary>The RFC 3261 magic cookie that starts every compliant branch.</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>The branch parameter, or null.</summary>
    public string? Branch => Parameters.Get("branch");

    /// <summary>The received parameter (brackets removed), or null.</summary>
    public string? Received => Parameters.Get("received")?.Trim('[', ']');

    /// <summary>True when an rport parameter is present, with or without value.</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>The rport value when filled in.</summary>
    public int? RPort => SipHost.TryParsePort(Parameters.Get("rport"), out var p) ? p : null;

    /// <summary>The maddr parameter, or null.</summary>
    public string? MAddr => Parameters.Get("maddr");

    /// <summary><c>host:port</c> as sent (used for transaction matching).</summary>
    public string SentBy => SipHost.Format(Host, Port);

    /// <summary>True when the branch starts with the RFC 3261 magic cookie.</summary>
    public bool IsRfc3261Branch => Branch?.StartsWith(MagicCookie, StringComparison.Ordinal) == true;

    /// <summary>A copy with a parameter set.</summary>
    public SipVia With(string name, string? value) => this with { Parameters = Parameters.With(name, value) };

    /// <summary>Parses one Via value; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SipVia? via, out string? error)
    {
        via = null;
        text = text.Trim();
        var slash1 = text.IndexOf('/');
        var slash2 = slash1 < 0 ? -1 : text[(slash1 + 1)..].IndexOf('/');
        if (slash1 < 0 || slash2 < 0)
        {
            error = "bad sent-protocol";
            return false;
        }

        slash2 += slash1 + 1;
        var protocol = text[..slash1].Trim();
        if (!protocol.Equals("SIP", StringComparison.OrdinalIgnoreCase))
        {
            error = "bad sent-protocol";
            return false;
        }

        var afterVersion = text[(slash2 + 1)..].TrimStart();
        var sp = afterVersion.IndexOfAny(' ', '\t');
        if (sp <= 0)
        {
            error = "missing sent-by";
            return false;
        }

        var transport = afterVersion[..sp].ToString().ToUpperInvariant();
        var sentByAndParams = afterVersion[sp..].TrimStart();
        var semi = sentByAndParams.IndexOf(';');
        if (sentByAndParams.StartsWith('['))
        {
            var close = sentByAndParams.IndexOf(']');
            var s = close < 0 ? -1 : sentByAndParams[close..].IndexOf(';');
            semi = s < 0 ? -1 : close + s;
        }

        var sentBy = semi < 0 ? sentByAndParams : sentByAndParams[..semi];
        if (!SipHost.TryParseHostPort(sentBy.Trim(), out var host, out var port, out error))
        {
            return false;
        }

        if (!SipParameters.TryParse(semi < 0 ? [] : sentByAndParams[semi..], ';', out var parameters))
        {
            error = "bad Via parameter";
            return false;
        }

        via = new SipVia(transport, host, port, parameters);
        return true;
    }

    /// <summary>Parses from UTF-8 bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out SipVia? via, out string? error) =>
        TryParse(Encoding.UTF8.GetString(utf8), out via, out error);

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder("SIP/2.0/").Append(Transport).Append(' ').Append(SipHost.Format(Host, Port));
        Parameters.AppendTo(sb, ';');
        return sb.ToString();
    }

    /// <summary>Creates a Via for a new request with a fresh branch and rport.</summary>
    public static SipVia Create(string transport, string host, int port, string branch) =>
        new(transport.ToUpperInvariant(), host, port, new SipParameters([new SipParameter("branch", branch), new SipParameter("rport", null)]));

    internal static string PortText(int port) => port.ToString(CultureInfo.InvariantCulture);
}
