using System.Net;
using System.Text;

namespace Vms.Sip.Uris;

/// <summary>An immutable sip:, sips: or tel: URI (RFC 3261 §19.1, RFC 3966). Parse with <see cref="TryParse(ReadOnlySpan{char}, out SipUri?, out string?)"/>.</summary>
public sealed class SipUri : IEquatable<SipUri>
{
    private static readonly string[] SignificantParameters = ["user", "ttl", "method", "maddr", "transport"];
    private readonly string? _raw;

    /// <summary>Creates a URI from its parts. <paramref name="user"/> is written as given (escape it yourself if needed).</summary>
    public SipUri(SipUriScheme scheme, string? user, string host, int? port = null, SipParameters? parameters = null,
        SipParameters? headers = null, string? password = null)
        : this(scheme, user, password, host, port, parameters ?? SipParameters.Empty, headers ?? SipParameters.Empty, null)
    {
    }

    private SipUri(SipUriScheme scheme, string? user, string? password, string host, int? port, SipParameters parameters,
        SipParameters headers, string? raw)
    {
        Scheme = scheme;
        User = user;
        Password = password;
        Host = host;
        Port = port;
        Parameters = parameters;
        Headers = headers;
        _raw = raw;
    }

    /// <summary>The scheme.</summary>
    public SipUriScheme Scheme { get; }

    /// <summary>The user part as written (escapes kept); for tel: the telephone number.</summary>
    public string? User { get; }

    /// <summary>The password as written, if any.</summary>
    public string? Password { get; }

    /// <summary>The host without IPv6 brackets; empty for tel:.</summary>
    public string Host { get; }

    /// <summary>The explicit port, if any.</summary>
    public int? Port { get; }

    /// <summary>The URI parameters (<c>;transport=tcp;lr</c>).</summary>
    public SipParameters Parameters { get; }

    /// <summary>The URI headers (<c>?subject=x&amp;priority=y</c>).</summary>
    public SipParameters Headers { get; }

    /// <summary>The user part with %-escapes decoded.</summary>
    public string? UnescapedUser => SipText.Unescape(User);

    /// <summary>The transport parameter in lower case, or null.</summary>
    public string? Transport => Parameters.Get("transport")?.ToLowerInvariant();

    /// <summary>True when the URI carries the <c>lr</c> parameter (loose routing).</summary>
    public bool IsLooseRouting => Parameters.Contains("lr");

    /// <summary>True when the host is an IPv6 literal.</summary>
    public bool IsIPv6 => Host.Contains(':', StringComparison.Ordinal);

    /// <summary>The host as an IP address when it is one.</summary>
    public IPAddress? Address => IPAddress.TryParse(Host, out var a) ? a : null;

    /// <summary>Parses a URI; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SipUri? uri, out string? error)
    {
        uri = null;
        text = text.Trim();
        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            error = "missing scheme";
            return false;
        }

        var schemeText = text[..colon];
        SipUriScheme scheme;
        if (schemeText.Equals("sip", StringComparison.OrdinalIgnoreCase))
        {
            scheme = SipUriScheme.Sip;
        }
        else if (schemeText.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            scheme = SipUriScheme.Sips;
        }
        else if (schemeText.Equals("tel", StringComparison.OrdinalIgnoreCase))
        {
            scheme = SipUriScheme.Tel;
        }
        else
        {
            error = "unsupported URI scheme";
            return false;
        }

        var rest = text[(colon + 1)..];
        if (!SipText.HasValidEscapes(rest))
        {
            error = "invalid %-escape";
            return false;
        }

        foreach (var c in rest)
        {
            if (c <= ' ' || c is '<' or '>' or '"' || c == 127)
            {
                error = "invalid character in URI";
                return false;
            }
        }

        if (scheme == SipUriScheme.Tel)
        {
            var semi = rest.IndexOf(';');
            var number = semi < 0 ? rest : rest[..semi];
            if (number.IsEmpty || !SipParameters.TryParse(semi < 0 ? [] : rest[semi..], ';', out var telParams))
            {
                error = "invalid tel URI";
                return false;
            }

            uri = new SipUri(scheme, number.ToString(), null, string.Empty, null, telParams, SipParameters.Empty, text.ToString());
            error = null;
            return true;
        }

        string? user = null;
        string? password = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var pc = userInfo.IndexOf(':');
            user = (pc < 0 ? userInfo : userInfo[..pc]).ToString();
            password = pc < 0 ? null : userInfo[(pc + 1)..].ToString();
            if (user.Length == 0)
            {
                error = "empty user";
                return false;
            }

            rest = rest[(at + 1)..];
        }

        var q = rest.IndexOf('?');
        var headersText = q < 0 ? [] : rest[(q + 1)..];
        var beforeHeaders = q < 0 ? rest : rest[..q];
        var hostEnd = beforeHeaders.IndexOf(';');
        if (beforeHeaders.StartsWith('['))
        {
            var close = beforeHeaders.IndexOf(']');
            var semiAfter = close < 0 ? -1 : beforeHeaders[close..].IndexOf(';');
            hostEnd = semiAfter < 0 ? -1 : close + semiAfter;
        }

        var hostPort = hostEnd < 0 ? beforeHeaders : beforeHeaders[..hostEnd];
        if (!SipHost.TryParseHostPort(hostPort, out var host, out var port, out error))
        {
            return false;
        }

        if (!SipParameters.TryParse(hostEnd < 0 ? [] : beforeHeaders[hostEnd..], ';', out var parameters)
            || !SipParameters.TryParse(headersText, '&', out var headers))
        {
            error = "invalid URI parameter";
            return false;
        }

        uri = new SipUri(scheme, user, password, host, port, parameters, headers, text.ToString());
        error = null;
        return true;
    }

    /// <summary>Parses a URI from UTF-8 bytes; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out SipUri? uri, out string? error) =>
        TryParse(Encoding.UTF8.GetString(utf8), out uri, out error);

    /// <summary>Parses a URI or throws <see cref="FormatException"/>; for literals in code, not for network input.</summary>
    public static SipUri Parse(string text) =>
        TryParse(text, out var uri, out var error) ? uri! : throw new FormatException(error);

    /// <summary>A copy with a parameter set.</summary>
    public SipUri WithParameter(string name, string? value) =>
        new(Scheme, User, Password, Host, Port, Parameters.With(name, value), Headers, null);

    /// <summary>A copy without a parameter.</summary>
    public SipUri WithoutParameter(string name) =>
        new(Scheme, User, Password, Host, Port, Parameters.Without(name), Headers, null);

    /// <summary>A copy with another host and port.</summary>
    public SipUri WithHost(string host, int? port) => new(Scheme, User, Password, host, port, Parameters, Headers, null);

    /// <summary>A copy with another user part.</summary>
    public SipUri WithUser(string? user) => new(Scheme, user, Password, Host, Port, Parameters, Headers, null);

    /// <summary>A copy without URI headers (as required for a Request-URI built from a Contact).</summary>
    public SipUri WithoutHeaders() => Headers.Count == 0 ? this : new(Scheme, User, Password, Host, Port, Parameters, SipParameters.Empty, null);

    /// <summary>The wire form; a parsed URI is written exactly as received.</summary>
    public override string ToString()
    {
        if (_raw is not null)
        {
            return _raw;
        }

        var sb = new StringBuilder();
        sb.Append(Scheme switch { SipUriScheme.Sips => "sips:", SipUriScheme.Tel => "tel:", _ => "sip:" });
        if (Scheme == SipUriScheme.Tel)
        {
            sb.Append(User);
            Parameters.AppendTo(sb, ';');
            return sb.ToString();
        }

        if (User is not null)
        {
            sb.Append(User);
            if (Password is not null)
            {
                sb.Append(':').Append(Password);
            }

            sb.Append('@');
        }

        sb.Append(SipHost.Format(Host, Port));
        Parameters.AppendTo(sb, ';');
        if (Headers.Count > 0)
        {
            var h = new StringBuilder();
            Headers.AppendTo(h, '&');
            sb.Append('?').Append(h, 1, h.Length - 1);
        }

        return sb.ToString();
    }

    /// <summary>URI equality as RFC 3261 §19.1.4 defines it.</summary>
    public bool Equals(SipUri? other)
    {
        if (other is null)
        {
            return false;
        }

        if (Scheme != other.Scheme
            || !string.Equals(SipText.Unescape(User), SipText.Unescape(other.User), StringComparison.Ordinal)
            || !string.Equals(SipText.Unescape(Password), SipText.Unescape(other.Password), StringComparison.Ordinal)
            || !SipHost.HostEquals(Host, other.Host) || Port != other.Port)
        {
            return false;
        }

        foreach (var name in SignificantParameters)
        {
            var a = Parameters.Find(name);
            var b = other.Parameters.Find(name);
            if ((a is null) != (b is null) || (a is not null && !ParameterValueEquals(a, b!)))
            {
                return false;
            }
        }

        foreach (var a in Parameters)
        {
            var b = other.Parameters.Find(a.Name);
            if (b is not null && !ParameterValueEquals(a, b))
            {
                return false;
            }
        }

        return Headers.Equals(other.Headers);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SipUri);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Scheme, SipText.Unescape(User), Address?.GetHashCode() ?? StringComparer.OrdinalIgnoreCase.GetHashCode(Host), Port);

    private static bool ParameterValueEquals(SipParameter a, SipParameter b) =>
        string.Equals(SipText.Unescape(a.UnquotedValue), SipText.Unescape(b.UnquotedValue), StringComparison.OrdinalIgnoreCase);
}
