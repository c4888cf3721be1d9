namespace Vms.Telephony.Sip;

/// <summary>Where outgoing legs go: the outbound gateway, and the host put in our From URIs.</summary>
public sealed class SipDialerOptions
{
    /// <summary>The gateway's SIP URI ("sip:127.0.0.1:5080"); a target that is a number is sent there as its user part.</summary>
    public string Gateway { get; set; } = "";

    /// <summary>Digest user name for the gateway's 401/407 challenges (with <see cref="GatewayPassword"/>); null: none.</summary>
    public string? GatewayUsername { get; set; }

    public string? GatewayPassword { get; set; }

    /// <summary>Host of our From URI (defaults to the transport's address).</summary>
    public string? FromHost { get; set; }
}
