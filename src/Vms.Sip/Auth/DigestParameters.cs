using Vms.Sip.Messages;
using Vms.Sip.Uris;

namespace Vms.Sip.Auth;

/// <summary>Parses <c>Digest k=v, k="v"</c> into parameters (commas inside quotes kept).</summary>
internal static class DigestParameters
{
    public static bool TryParse(string value, out SipParameters parameters)
    {
        parameters = SipParameters.Empty;
        var text = value.AsSpan().Trim();
        if (!text.StartsWith("Digest", StringComparison.OrdinalIgnoreCase) || (text.Length > 6 && text[6] is not (' ' or '\t')))
        {
            return false;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(text[6..].ToString());
        var list = new List<ReadOnlyMemory<byte>>();
        ListSplitter.Split(bytes, list);
        var items = new List<SipParameter>();
        foreach (var item in list)
        {
            var s = System.Text.Encoding.UTF8.GetString(item.Span);
            var eq = s.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }

            items.Add(new SipParameter(s[..eq].Trim(), s[(eq + 1)..].Trim()));
        }

        parameters = new SipParameters(items);
        return true;
    }
}
