using System.ComponentModel.DataAnnotations;

namespace Vms.Server.Features.Portal.Forms;

/// <summary>The new-account form of the customer area (P2, P5).</summary>
internal sealed class UserForm
{
    [Required]
    public Guid? AuthorisedPersonId { get; set; }

    [StringLength(128)]
    public string? UserName { get; set; }

    public HashSet<Guid> ProfileIds { get; } = [];
}
