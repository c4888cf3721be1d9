using System.Globalization;

namespace Vms.Server.Features.Orders;

/// <summary>The e-mail telling an order's contact that activation comes later than planned (IMP2).</summary>
public sealed record DelayNotice(string CustomerName, string ContactName, DateOnly OrderedOn, DateOnly PlannedDate, DateOnly NewDate, string Reason)
{
    public string Subject => $"Your VMS order is delayed — {CustomerName}";

    public IReadOnlyList<string> Lines =>
    [
        $"Dear {ContactName},",
        "",
        $"The activation of the VMS order of {CustomerName}, placed on {Day(OrderedOn)}, will not be ready by the planned date of {Day(PlannedDate)}.",
        $"New date: {Day(NewDate)}",
        $"Reason: {Reason}",
        "",
        "We will send the welcome message as soon as the order is activated.",
    ];

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
