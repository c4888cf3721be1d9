using System.ComponentModel.DataAnnotations;

namespace Vms.Server.Features.Portal.Forms;

/// <summary>The contact person of an order (IMP1).</summary>
internal sealed class ContactRow
{
    [Required, StringLength(200)]
    public string Name { get; set; } = "";

    [Required, EmailAddress, StringLength(254)]
    public string Email { get; set; } = "";

    [StringLength(30)]
    public string? Phone { get; set; }
}
