namespace Vms.Server.Features.Calls.Trunks;

/// <summary>What the source of an INVITE is to VMS.</summary>
internal enum TrunkKind
{
    /// <summary>Not a peer we know: 403.</summary>
    Unknown,

    /// <summary>The operator's network: calls for customers' numbers.</summary>
    Network,

    /// <summary>A customer's PBX: calls out through the gateway.</summary>
    CustomerPbx,
}
