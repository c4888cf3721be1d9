namespace Vms.Server.Features.Calls.Trunks;

/// <summary>
/// The trunks of this node (settings "Calls:Trunks"): the network peers trusted to send inbound calls, the
/// outbound gateway through which fixed and mobile destinations are reached, and customers' PBX trunks.
/// </summary>
public sealed class TrunkOptions
{
    /// <summary>Addresses or CIDR blocks ("127.0.0.1", "10.1.0.0/16") allowed to send calls for customers' numbers.</summary>
    public IList<string> TrustedPeers { get; } = [];

    /// <summary>The outbound gateway, e.g. "sip:127.0.0.1:5080"; empty: destinations cannot be reached.</summary>
    public string Gateway { get; set; } = "";

    /// <summary>Digest credentials for the gateway, when it challenges.</summary>
    public string? GatewayUsername { get; set; }

    public string? GatewayPassword { get; set; }

    /// <summary>Customers' PBX trunks: calls they place are forwarded to the gateway.</summary>
    public IList<PbxTrunkOptions> PbxTrunks { get; } = [];
}
