using PhoneNumbers;

namespace Vms.Domain.Numbers;

/// <summary>
/// Parses numbers given to VMS (IMP4): only Belgian geographic numbers are accepted; an international 0800
/// (universal freephone, +800) and every other kind of number is refused with a reason.
/// </summary>
public static class BelgianNumber
{
    private const int MaxInputLength = 32;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static NumberParseResult Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new NumberParseResult(null, "A number is required.");
        }

        if (input.Length > MaxInputLength)
        {
            return new NumberParseResult(null, $"A number has at most {MaxInputLength} characters.");
        }

        var text = input.Trim();
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(text, "BE");
        }
        catch (NumberParseException)
        {
            return new NumberParseResult(null, "Not a telephone number.");
        }

        if (number.CountryCode == 800)
        {
            return new NumberParseResult(null, "International 0800 (universal freephone) numbers are not accepted.");
        }

        if (number.CountryCode != 32)
        {
            return new NumberParseResult(null, "Only Belgian numbers are accepted.");
        }

        if (!Util.IsValidNumber(number))
        {
            return new NumberParseResult(null, "Not a valid Belgian number.");
        }

        var type = Util.GetNumberType(number);
        if (type != PhoneNumberType.FIXED_LINE)
        {
            return new NumberParseResult(null, $"Only geographic numbers are accepted (this one is {Describe(type)}).");
        }

        return new NumberParseResult(Util.Format(number, PhoneNumberFormat.E164), null);
    }

    private static string Describe(PhoneNumberType type) => type switch
    {
        PhoneNumberType.MOBILE => "a mobile number",
        PhoneNumberType.TOLL_FREE => "a freephone number",
        PhoneNumberType.PREMIUM_RATE => "a premium-rate number",
        PhoneNumberType.SHARED_COST => "a shared-cost number",
        PhoneNumberType.VOIP => "a VoIP number",
        PhoneNumberType.UAN => "a universal access number",
        _ => "not geographic",
    };
}
