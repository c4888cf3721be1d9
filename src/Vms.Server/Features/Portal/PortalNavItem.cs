namespace Vms.Server.Features.Portal;

/// <summary>
/// One entry of the portal's navigation menu.
/// <para>
/// How a feature plugs a page into the portal: put the page (a .razor file with <c>@page "/routing"</c> and
/// <c>[Authorize]</c>) in <c>Features/&lt;Area&gt;/</c>, then register its menu entry in the feature's
/// <c>Add&lt;Feature&gt;(this WebApplicationBuilder)</c>:
/// <code>builder.Services.AddPortalNavItem(new PortalNavItem("/routing", "Routing trees", PortalArea.Customer, 30));</code>
/// The title is the English text; add its French and Dutch to <c>Resources/FrenchText.cs</c> and
/// <c>Resources/DutchText.cs</c>. Entries are sorted by <paramref name="Order"/> (core pages use 10–29, features 30+).
/// <paramref name="RequiredElement"/>, when set, hides the entry from a customer whose contract lacks that service
/// element (the page itself must still refuse access with a clear message, F3).
/// </para>
/// </summary>
public sealed record PortalNavItem(
    string Href,
    string Title,
    PortalArea Area,
    int Order,
    Vms.Domain.Tenancy.ServiceElement? RequiredElement = null);
