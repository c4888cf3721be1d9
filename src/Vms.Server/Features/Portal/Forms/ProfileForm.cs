using System.ComponentModel.DataAnnotations;

namespace Vms.Server.Features.Portal.Forms;

/// <summary>The profile form of the customer area (P2).</summary>
internal sealed class ProfileForm
{
    [Required, StringLength(64)]
    public string Name { get; set; } = "";

    public HashSet<string> Rights { get; } = [];
}
