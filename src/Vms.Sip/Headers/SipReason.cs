using System.Globalization;
using Vms.Sip.Uris;

namespace Vms.Sip.Headers;

/// <summary>One Reason header value (RFC 3326), e.g. <c>Q.850;cause=16;text="Normal call clearing"</c>.</summary>
/// <param name="Protocol">SIP, Q.850 …</param>
/// <param name="Cause">The cause, if any.</param>
/// <param name="Text">The text, unquoted, if any.</param>
public sealed record SipReason(string Protocol, int? Cause, string? Text)
{
    /// <summary>Parses one Reason value.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SipReason? reason)
    {
        reason = null;
        var semi = text.IndexOf(';');
        var protocol = (semi < 0 ? text : text[..semi]).Trim();
        if (protocol.IsEmpty || !SipParameters.TryParse(semi < 0 ? [] : text[semi..], ';', out var p))
        {
            return false;
        }

        int? cause = int.TryParse(p.Get("cause"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
        reason = new SipReason(protocol.ToString(), cause, p.Get("text"));
        return true;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var s = Protocol;
        if (Cause is not null)
        {
            s += ";cause=" + Cause.Value.ToString(CultureInfo.InvariantCulture);
        }

        return Text is null ? s : s + ";text=" + SipText.Quote(Text);
    }
}
