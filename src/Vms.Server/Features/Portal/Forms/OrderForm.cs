using System.ComponentModel.DataAnnotations;
using Vms.Domain.Tenancy;

namespace Vms.Server.Features.Portal.Forms;

/// <summary>
/// The operator's order form (IMP1): what the page binds to; the order service has the last word. Property names
/// follow the order request so that the service's field paths ("contact.email", "numbers[1].number") land under
/// the right input.
/// </summary>
internal sealed class OrderForm
{
    [Required(ErrorMessage = "Choose the customer.")]
    public Guid? CustomerId { get; set; }

    public Formula Formula { get; set; } = Formula.Classic;

    public HashSet<ServiceElement> Options { get; } = [];

    public ContactRow Contact { get; } = new();

    public List<PersonRow> AuthorisedPersons { get; } = [new() { IsAdministrator = true }];

    public List<EntityRow> RelatedEntities { get; } = [];

    public List<NumberRow> Numbers { get; } = [new()];
}
