using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vms.Sip.Uris;

/// <summary>Parsing of <c>host[:port]</c> with IPv6 references in brackets (RFC 3261 §25.1, RFC 5118).</summary>
public static class SipHost
{
    /// <summary>Parses host and optional port. The host is returned without brackets.</summary>
    public static bool TryParseHostPort(ReadOnlySpan<char> text, out string host, out int? port, out string? error)
    {
        host = string.Empty;
        port = null;
        error = null;
        text = text.Trim();
        ReadOnlySpan<char> rest;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                error = "unterminated IPv6 reference";
                return false;
            }

            var inner = text[1..close].ToString();
            if (!TryNormalizeIPv6(inner, out host))
            {
                error = "invalid IPv6 address";
                return false;
            }

            rest = text[(close + 1)..];
        }
        else
        {
            var colon = text.IndexOf(':');
            var name = colon < 0 ? text : text[..colon];
            rest = colon < 0 ? [] : text[colon..];
            if (!IsValidName(name))
            {
                error = "invalid host";
                return false;
            }

            host = name.ToString();
        }

        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest[0] != ':' || !TryParsePort(rest[1..], out var p))
        {
            error = "invalid port";
            return false;
        }

        port = p;
        return true;
    }

    /// <summary>Parses a port number 0-65535.</summary>
    public static bool TryParsePort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        if (text.IsEmpty || text.Length > 5)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        port = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return port <= 65535;
    }

    /// <summary>Formats a host for the wire, with brackets for IPv6.</summary>
    public static string Format(string host, int? port)
    {
        ArgumentNullException.ThrowIfNull(host);
        var h = host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host;
        return port is null ? h : h + ":" + port.Value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Formats an IP end point as <c>host:port</c> for a Via or Contact.</summary>
    public static string Format(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return Format(endPoint.Address.ToString(), endPoint.Port);
    }

    /// <summary>Compares two hosts: IP addresses by value, names case-insensitively.</summary>
    public static bool HostEquals(string a, string b)
    {
        if (IPAddress.TryParse(a, out var ia) && IPAddress.TryParse(b, out var ib))
        {
            return ia.Equals(ib);
        }

        return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Accepts an IPv6 literal; the RFC 5118 §4.10 three-colon form is tolerated and corrected.</summary>
    public static bool TryNormalizeIPv6(string text, out string normalized)
    {
        ArgumentNullException.ThrowIfNull(text);
        normalized = text;
        if (IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return true;
        }

        var fixedText = text.Replace(":::", "::", StringComparison.Ordinal);
        if (!ReferenceEquals(fixedText, text) && fixedText != text && IPAddress.TryParse(fixedText, out address)
            && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            normalized = fixedText;
            return true;
        }

        return false;
    }

    private static bool IsValidName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '.' and not '_')
            {
                return false;
            }
        }

        return true;
    }
}
