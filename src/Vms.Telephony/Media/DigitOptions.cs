namespace Vms.Telephony.Media;

/// <summary>When digit collection stops: max digits, a terminator key, first- and inter-digit timeouts.</summary>
public sealed record DigitOptions(int MaxDigits, TimeSpan FirstDigitTimeout, TimeSpan InterDigitTimeout, char? Terminator = null)
{
    public static DigitOptions SingleKey(TimeSpan timeout) => new(1, timeout, timeout);
}
