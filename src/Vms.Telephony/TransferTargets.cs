using Vms.Sip.Uris;

namespace Vms.Telephony;

/// <summary>What a Refer-To URI is dialled as: a number through the outbound gateway, or (when allowed) the SIP URI itself.</summary>
public static class TransferTargets
{
    /// <summary>
    /// tel:+32… → "+32…"; sip:+32…@host → "+32…" (through the gateway) unless <paramref name="allowSipUris"/>, then the
    /// SIP URI as is (dialled directly); anything else → null (refused).
    /// </summary>
    public static string? Resolve(string referTo, bool allowSipUris)
    {
        ArgumentNullException.ThrowIfNull(referTo);
        if (!SipUri.TryParse(referTo, out var uri, out _) || uri is null)
        {
            return referTo.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? Number(referTo[4..].Split(';')[0]) : null;
        }

        if (uri.Scheme == SipUriScheme.Tel)
        {
            return Number(uri.User ?? uri.Host);
        }

        if (allowSipUris)
        {
            return uri.WithoutHeaders().ToString();
        }

        return Number(uri.User);
    }

    /// <summary>A dialable number: digits with an optional leading '+', visual separators (-.() and spaces) removed.</summary>
    private static string? Number(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var chars = new List<char>(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) || (c == '+' && chars.Count == 0))
            {
                chars.Add(c);
            }
            else if (c is not ('-' or '.' or '(' or ')' or ' '))
            {
                return null;
            }
        }

        return chars.Any(char.IsAsciiDigit) ? new string([.. chars]) : null;
    }
}
