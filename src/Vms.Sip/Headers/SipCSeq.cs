using System.Globalization;
using System.Text;

namespace Vms.Sip.Headers;

/// <summary>The CSeq header (RFC 3261 §20.16).</summary>
/// <param name="Number">The sequence number (32 bits).</param>
/// <param name="Method">The method.</param>
public readonly record struct SipCSeq(uint Number, string Method)
{
    /// <summary>Parses <c>4711 INVITE</c> from UTF-8 bytes without allocating for known methods.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out SipCSeq cseq)
    {
        cseq = default;
        var trimmed = value.Trim(" \t"u8);
        var sp = trimmed.IndexOfAny(" \t"u8);
        if (sp <= 0 || sp > 10)
        {
            return false;
        }

        ulong n = 0;
        foreach (var b in trimmed[..sp])
        {
            if (b < '0' || b > '9')
            {
                return false;
            }

            n = (n * 10) + (ulong)(b - '0');
        }

        var method = trimmed[sp..].Trim(" \t"u8);
        if (n > uint.MaxValue || method.IsEmpty || !Messages.SipMethods.IsToken(method))
        {
            return false;
        }

        cseq = new SipCSeq((uint)n, Messages.SipMethods.Intern(method));
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + Method;

    internal static string Format(uint number, string method) => new SipCSeq(number, method).ToString();

    internal static byte[] ToBytes(SipCSeq cseq) => Encoding.ASCII.GetBytes(cseq.ToString());
}
