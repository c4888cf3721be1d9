using System.ComponentModel.DataAnnotations;

namespace Vms.Server.Features.Portal.Forms;

/// <summary>The operator's new-customer form.</summary>
internal sealed class CustomerForm
{
    [Required, StringLength(200)]
    public string Name { get; set; } = "";

    [StringLength(20)]
    public string? CompanyNumber { get; set; }
}
