using Vms.Data.Orders;
using Vms.Data.Tenancy;
using Vms.Domain.Numbers;
using Vms.Domain.Tenancy;

namespace Vms.Server.Features.Orders;

internal static class OrderMapper
{
    public static OrderDto ToDto(Order o, IEnumerable<AuthorisedPerson> persons, IEnumerable<RelatedEntity> entities, IEnumerable<OrderNumber> numbers) => new(
        o.Id, o.CustomerId, o.Formula.ToString(), [.. ContractTerms.FromBits(o.OptionBits).Order().Select(e => e.ToString())],
        new ContactDto(o.ContactName, o.ContactEmail, o.ContactPhone), o.Status.ToString(), o.CreatedAt, o.TargetDate, o.DelayReason, o.DelayedUntil, o.ActivatedAt,
        [.. persons.Select(p => new OrderPersonDto(p.Id, p.Name, p.Email, p.IsAdministrator))],
        [.. entities.Select(e => new OrderEntityDto(e.Id, e.Name, e.CompanyNumber, e.Proof))],
        [.. numbers.Select(n => new OrderNumberDto(n.E164,
            [.. Enum.GetValues<NumberServices>().Where(f => f != NumberServices.None && n.Services.HasFlag(f)).Select(f => f.ToString())],
            n.CnipRemovalConsented, n.RelatedEntityId))]);
}
