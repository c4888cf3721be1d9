using System.ComponentModel.DataAnnotations;

namespace Vms.Server.Features.Portal.Forms;

/// <summary>The delay of an order (IMP2): the reason told to the customer and the new date.</summary>
internal sealed class DelayForm
{
    [Required, StringLength(400)]
    public string Reason { get; set; } = "";

    [Required]
    public DateOnly? NewDate { get; set; }
}
