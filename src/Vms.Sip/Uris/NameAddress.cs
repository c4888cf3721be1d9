using System.Text;

namespace Vms.Sip.Uris;

/// <summary>
/// An immutable name-addr or addr-spec with header parameters, as in From, To, Contact, Route, Record-Route,
/// P-Asserted-Identity, Diversion and History-Info (RFC 3261 §20.10, §25.1).
/// </summary>
public sealed class NameAddress
{
    /// <summary>Creates a name-addr.</summary>
    public NameAddress(SipUri uri, string? displayName = null, SipParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        Uri = uri;
        DisplayName = displayName;
        Parameters = parameters ?? SipParameters.Empty;
    }

    private NameAddress()
    {
        Uri = null!;
        Parameters = SipParameters.Empty;
        IsWildcard = true;
    }

    /// <summary>The Contact wildcard <c>*</c> (REGISTER removing all bindings).</summary>
    public static NameAddress Wildcard { get; } = new();

    /// <summary>The display name without quotes, or null.</summary>
    public string? DisplayName { get; }

    /// <summary>The URI (null only for <see cref="Wildcard"/>).</summary>
    public SipUri Uri { get; }

    /// <summary>The header parameters (tag, expires, q …).</summary>
    public SipParameters Parameters { get; }

    /// <summary>True for <c>Contact: *</c>.</summary>
    public bool IsWildcard { get; }

    /// <summary>The <c>tag</c> parameter, or null.</summary>
    public string? Tag => Parameters.Get("tag");

    /// <summary>A copy with the tag set.</summary>
    public NameAddress WithTag(string tag) => new(Uri, DisplayName, Parameters.With("tag", tag));

    /// <summary>A copy with a header parameter set.</summary>
    public NameAddress WithParameter(string name, string? value) => new(Uri, DisplayName, Parameters.With(name, value));

    /// <summary>Parses name-addr / addr-spec with parameters; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out NameAddress? result, out string? error)
    {
        result = null;
        error = null;
        text = text.Trim();
        if (text.Length == 1 && text[0] == '*')
        {
            result = Wildcard;
            return true;
        }

        string? display = null;
        ReadOnlySpan<char> uriText;
        ReadOnlySpan<char> paramText;
        var i = 0;
        if (text.StartsWith('"'))
        {
            i = 1;
            var sb = new StringBuilder();
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                sb.Append(text[i]);
                i++;
            }

            if (i >= text.Length)
            {
                error = "unterminated display name";
                return false;
            }

            display = sb.ToString();
            i++;
        }

        var lt = text[i..].IndexOf('<');
        if (lt >= 0)
        {
            var before = text[i..(i + lt)].Trim();
            if (display is null && !before.IsEmpty)
            {
                display = before.ToString();
            }
            else if (display is not null && !before.IsEmpty)
            {
                error = "text between display name and URI";
                return false;
            }

            var start = i + lt + 1;
            var gt = text[start..].IndexOf('>');
            if (gt < 0)
            {
                error = "missing '>'";
                return false;
            }

            uriText = text[start..(start + gt)];
            paramText = text[(start + gt + 1)..];
        }
        else
        {
            if (display is not null)
            {
                error = "display name without <URI>";
                return false;
            }

            var semi = text.IndexOf(';');
            uriText = semi < 0 ? text : text[..semi];
            paramText = semi < 0 ? [] : text[semi..];
        }

        if (!SipUri.TryParse(uriText, out var uri, out error))
        {
            return false;
        }

        paramText = paramText.Trim();
        if (!paramText.IsEmpty && paramText[0] != ';')
        {
            error = "unexpected text after URI";
            return false;
        }

        if (!SipParameters.TryParse(paramText, ';', out var parameters))
        {
            error = "invalid header parameter";
            return false;
        }

        result = new NameAddress(uri!, display, parameters);
        return true;
    }

    /// <summary>Parses from UTF-8 bytes; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out NameAddress? result, out string? error) =>
        TryParse(Encoding.UTF8.GetString(utf8), out result, out error);

    /// <summary>Parses or throws <see cref="FormatException"/>; for literals in code, not for network input.</summary>
    public static NameAddress Parse(string text) =>
        TryParse(text, out var r, out var e) ? r! : throw new FormatException(e);

    /// <summary>The wire form, always as name-addr (<c>"Name" &lt;uri&gt;;params</c>).</summary>
    public override string ToString()
    {
        if (IsWildcard)
        {
            return "*";
        }

        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(DisplayName))
        {
            sb.Append(SipText.Quote(DisplayName)).Append(' ');
        }

        sb.Append('<').Append(Uri).Append('>');
        Parameters.AppendTo(sb, ';');
        return sb.ToString();
    }
}
