using System.ComponentModel.DataAnnotations;

namespace Vms.Server.Features.Portal.Forms;

/// <summary>A number on an order form (IMP4, IMP5).</summary>
internal sealed class NumberRow
{
    [Required, StringLength(32)]
    public string Number { get; set; } = "";

    public bool Cnip { get; set; }

    public bool CnipRemovalConsented { get; set; }

    public bool EnterpriseOfficeSwitch { get; set; }

    public bool OneCompanyNumber { get; set; }

    /// <summary>Index into the form's related entities; -1 when the customer itself holds the number.</summary>
    public int RelatedEntityIndex { get; set; } = -1;
}
