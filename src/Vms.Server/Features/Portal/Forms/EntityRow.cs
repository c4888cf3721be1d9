using System.ComponentModel.DataAnnotations;

namespace Vms.Server.Features.Portal.Forms;

/// <summary>A related entity on an order form (IMP5).</summary>
internal sealed class EntityRow
{
    [Required, StringLength(200)]
    public string Name { get; set; } = "";

    [StringLength(20)]
    public string? CompanyNumber { get; set; }

    [Required, StringLength(500)]
    public string Proof { get; set; } = "";
}
