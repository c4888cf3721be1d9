using PhoneNumbers;
using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Numbers;

/// <summary>The one place that talks to libphonenumber; never throws on bad input.</summary>
public static class NumberAnalysis
{
    public const string DefaultRegion = "BE";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Analyses a caller id as received (E.164, national or with 00); null/empty/"anonymous" = withheld.</summary>
    public static CallerInfo AnalyseCaller(string? cli)
    {
        if (string.IsNullOrWhiteSpace(cli) || !cli.Any(char.IsAsciiDigit))
        {
            return CallerInfo.Withheld;
        }

        var parsed = TryParse(cli);
        if (parsed is null)
        {
            // Presented but unparseable: keep the digits so that prefix rules still work.
            var digits = new string(cli.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
            return new CallerInfo(digits, null, LineType.Unknown, null);
        }

        var e164 = Util.Format(parsed, PhoneNumberFormat.E164);
        var region = Util.GetRegionCodeForNumber(parsed);
        var type = Classify(parsed);
        string? zone = null;
        if (parsed.CountryCode == 32 && type == LineType.Fixed)
        {
            var nsn = Util.GetNationalSignificantNumber(parsed);
            var ndc = Util.GetLengthOfNationalDestinationCode(parsed);
            zone = ndc > 0 && ndc <= nsn.Length ? nsn[..ndc] : null;
        }

        return new CallerInfo(e164, region, type, zone);
    }

    /// <summary>A destination check: valid Belgian (national) number, its E.164 form and its line type.</summary>
    public static bool TryNationalDestination(string? number, out string e164, out LineType type)
    {
        e164 = string.Empty;
        type = LineType.Unknown;
        var parsed = TryParse(number);
        if (parsed is null || parsed.CountryCode != 32 || !Util.IsValidNumber(parsed))
        {
            return false;
        }

        e164 = Util.Format(parsed, PhoneNumberFormat.E164);
        type = Classify(parsed);
        return true;
    }

    /// <summary>Any valid number (e.g. a called number); E.164 form.</summary>
    public static bool TryE164(string? number, out string e164)
    {
        e164 = string.Empty;
        var parsed = TryParse(number);
        if (parsed is null || !Util.IsValidNumber(parsed))
        {
            return false;
        }

        e164 = Util.Format(parsed, PhoneNumberFormat.E164);
        return true;
    }

    /// <summary>
    /// Normalises a number or prefix cheaply, without libphonenumber: "+32..." stays, "0032..." → "+32...",
    /// national "0..." → "+32..."; separators removed. Null when it contains anything else.
    /// </summary>
    public static string? NormalisePrefix(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length is > 1 and <= 20 && value[0] == '+' && value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return value; // Already clean E.164 (the stored form): no allocation.
        }

        Span<char> buffer = stackalloc char[48];
        var n = 0;
        foreach (var c in value.AsSpan().Trim())
        {
            if (c is ' ' or '.' or '-' or '/' or '(' or ')')
            {
                continue;
            }

            if (!(char.IsAsciiDigit(c) || (c == '+' && n == 0)) || n >= buffer.Length)
            {
                return null;
            }

            buffer[n++] = c;
        }

        var s = buffer[..n];
        if (s.Length == 0 || s is "+")
        {
            return null;
        }

        if (s[0] == '+')
        {
            return new string(s);
        }

        if (s.StartsWith("00"))
        {
            return s.Length > 2 ? string.Concat("+", s[2..]) : null;
        }

        if (s[0] == '0')
        {
            return string.Concat("+32", s[1..]);
        }

        return string.Concat("+", s);
    }

    /// <summary>True when <paramref name="region"/> is a known ISO region (e.g. "BE").</summary>
    public static bool IsKnownRegion(string region) =>
        Util.GetSupportedRegions().Contains(region.ToUpperInvariant());

    private static LineType Classify(PhoneNumber parsed) => Util.GetNumberType(parsed) switch
    {
        PhoneNumberType.FIXED_LINE => LineType.Fixed,
        PhoneNumberType.MOBILE => LineType.Mobile,
        PhoneNumberType.FIXED_LINE_OR_MOBILE => LineType.Fixed,
        _ => LineType.Unknown,
    };

    private static PhoneNumber? TryParse(string? number)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 40)
        {
            return null;
        }

        try
        {
            var text = number.Trim();
            if (text.StartsWith("00", StringComparison.Ordinal))
            {
                text = "+" + text[2..];
            }

            return Util.Parse(text, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
