using System.ComponentModel.DataAnnotations;

namespace Vms.Server.Features.Portal.Forms;

/// <summary>An authorised person on an order form (P5).</summary>
internal sealed class PersonRow
{
    [Required, StringLength(200)]
    public string Name { get; set; } = "";

    [Required, EmailAddress, StringLength(254)]
    public string Email { get; set; } = "";

    public bool IsAdministrator { get; set; }
}
