using System.Text;

namespace Vms.Sip.Uris;

/// <summary>Small text helpers for SIP grammar: quoting and %-escapes.</summary>
public static class SipText
{
    /// <summary>Removes surrounding double quotes and backslash escapes; returns the text unchanged when not quoted.</summary>
    public static string Unquote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length - 1)
            {
                i++;
            }

            sb.Append(text[i]);
        }

        return sb.ToString();
    }

    /// <summary>Puts text in double quotes, escaping quotes and backslashes.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Decodes %HH escapes (UTF-8); returns null for null; invalid escapes are left as written.</summary>
    public static string? Unescape(string? text)
    {
        if (text is null || !text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        TryUnescape(text, out var result);
        return result;
    }

    /// <summary>Decodes %HH escapes; false when an escape is malformed (the text is then returned unchanged).</summary>
    public static bool TryUnescape(string text, out string result)
    {
        ArgumentNullException.ThrowIfNull(text);
        result = text;
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return true;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    return false;
                }

                bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        result = Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }

    /// <summary>True when every '%' in the text starts a valid %HH escape.</summary>
    public static bool HasValidEscapes(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
