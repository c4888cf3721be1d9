using Vms.Sip.Uris;

namespace Vms.Sip.Headers;

/// <summary>The Content-Type header (RFC 3261 §20.15).</summary>
/// <param name="MediaType">e.g. <c>application/sdp</c>, lower case.</param>
/// <param name="Parameters">Media type parameters.</param>
public sealed record SipContentType(string MediaType, SipParameters Parameters)
{
    /// <summary>Parses <c>type/subtype;params</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SipContentType? result)
    {
        result = null;
        var semi = text.IndexOf(';');
        var media = (semi < 0 ? text : text[..semi]).Trim();
        var slash = media.IndexOf('/');
        if (slash <= 0 || slash == media.Length - 1
            || !SipParameters.TryParse(semi < 0 ? [] : text[semi..], ';', out var p))
        {
            return false;
        }

        result = new SipContentType(media.ToString().ToLowerInvariant(), p);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => MediaType + Parameters;
}
