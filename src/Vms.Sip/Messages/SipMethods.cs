using System.Text;

namespace Vms.Sip.Messages;

/// <summary>SIP method names; methods are plain strings so that unknown methods pass through.</summary>
public static class SipMethods
{
    /// <summary>INVITE</summary>
    public const string Invite = "INVITE";

    /// <summary>ACK</summary>
    public const string Ack = "ACK";

    /// <summary>BYE</summary>
    public const string Bye = "BYE";

    /// <summary>CANCEL</summary>
    public const string Cancel = "CANCEL";

    /// <summary>OPTIONS</summary>
    public const string Options = "OPTIONS";

    /// <summary>REGISTER</summary>
    public const string Register = "REGISTER";

    /// <summary>UPDATE</summary>
    public const string Update = "UPDATE";

    /// <summary>INFO</summary>
    public const string Info = "INFO";

    /// <summary>NOTIFY</summary>
    public const string Notify = "NOTIFY";

    /// <summary>SUBSCRIBE</summary>
    public const string Subscribe = "SUBSCRIBE";

    /// <summary>REFER</summary>
    public const string Refer = "REFER";

    /// <summary>MESSAGE</summary>
    public const string Message = "MESSAGE";

    /// <summary>PRACK</summary>
    public const string Prack = "PRACK";

    private static readonly string[] Known = [Invite, Ack, Bye, Cancel, Options, Register, Update, Info, Notify, Subscribe, Refer, Message, Prack];
    private static readonly byte[][] KnownBytes = Known.Select(Encoding.ASCII.GetBytes).ToArray();

    /// <summary>Returns the shared string for a known method (no allocation) or a new string.</summary>
    public static string Intern(ReadOnlySpan<byte> method)
    {
        for (var i = 0; i < KnownBytes.Length; i++)
        {
            if (method.SequenceEqual(KnownBytes[i]))
            {
                return Known[i];
            }
        }

        return Encoding.ASCII.GetString(method);
    }

    /// <summary>True when the bytes form an RFC 3261 token.</summary>
    public static bool IsToken(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for the characters of an RFC 3261 token.</summary>
    public static bool IsTokenChar(byte c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c is (byte)'-' or (byte)'.' or (byte)'!' or (byte)'%' or (byte)'*' or (byte)'_' or (byte)'+' or (byte)'`' or (byte)'\'' or (byte)'~';
}
