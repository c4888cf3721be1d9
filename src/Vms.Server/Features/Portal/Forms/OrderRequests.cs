using Vms.Server.Features.Orders;

namespace Vms.Server.Features.Portal.Forms;

/// <summary>Turns the order form into the order service's request.</summary>
internal static class OrderRequests
{
    public static CreateOrderRequest From(OrderForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new CreateOrderRequest(
            form.CustomerId,
            form.Formula.ToString(),
            [.. form.Options.Order().Select(o => o.ToString())],
            new ContactDto(form.Contact.Name, form.Contact.Email, string.IsNullOrWhiteSpace(form.Contact.Phone) ? null : form.Contact.Phone),
            [.. form.AuthorisedPersons.Select(p => new AuthorisedPersonInput(p.Name, p.Email, p.IsAdministrator))],
            [.. form.RelatedEntities.Select(e => new RelatedEntityInput(e.Name, string.IsNullOrWhiteSpace(e.CompanyNumber) ? null : e.CompanyNumber, e.Proof))],
            [.. form.Numbers.Select(n => new OrderNumberInput(n.Number, ServicesOf(n), n.CnipRemovalConsented, n.RelatedEntityIndex < 0 ? null : n.RelatedEntityIndex))]);
    }

    public static IReadOnlyList<string> ServicesOf(NumberRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var services = new List<string>();
        if (row.Cnip)
        {
            services.Add("Cnip");
        }

        if (row.EnterpriseOfficeSwitch)
        {
            services.Add("EnterpriseOfficeSwitch");
        }

        if (row.OneCompanyNumber)
        {
            services.Add("OneCompanyNumber");
        }

        return services;
    }
}
