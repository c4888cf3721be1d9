namespace Vms.Sip.Uris;

/// <summary>URI schemes the stack understands.</summary>
public enum SipUriScheme
{
    /// <summary><c>sip:</c></summary>
    Sip,

    /// <summary><c>sips:</c></summary>
    Sips,

    /// <summary><c>tel:</c> (RFC 3966)</summary>
    Tel,
}
