using System.ComponentModel.DataAnnotations;
using Vms.Domain.Tenancy;

namespace Vms.Server.Features.Portal.Forms;

/// <summary>A change of formula or options (F4): a new contract version, the history kept.</summary>
internal sealed class ContractForm
{
    public Formula Formula { get; set; } = Formula.Classic;

    public HashSet<ServiceElement> Options { get; } = [];

    [StringLength(400)]
    public string? Reason { get; set; }
}
