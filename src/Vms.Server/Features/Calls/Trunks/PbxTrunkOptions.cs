namespace Vms.Server.Features.Calls.Trunks;

/// <summary>A customer's own PBX allowed to place outgoing calls through VMS (so REC1 can record them).</summary>
public sealed class PbxTrunkOptions
{
    public string Name { get; set; } = "";

    /// <summary>Address or CIDR block the PBX sends from.</summary>
    public string Address { get; set; } = "";

    public Guid CustomerId { get; set; }
}
