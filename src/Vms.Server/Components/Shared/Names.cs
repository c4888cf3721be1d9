using Vms.Domain.Tenancy;

namespace Vms.Server.Components.Shared;

/// <summary>English display names of formulas and elements given as enum names (then translated by PortalText).</summary>
internal static class Names
{
    public static string Formula(string? formula) =>
        Enum.TryParse<Formula>(formula, out var f) ? ServiceElementNames.Of(f) : formula ?? "—";

    public static string Element(string element) =>
        Enum.TryParse<ServiceElement>(element, out var e) ? ServiceElementNames.Of(e) : element;
}
