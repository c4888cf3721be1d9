namespace Vms.Domain.Tenancy;

/// <summary>
/// The answer to "is this service element available to this customer now" (F3). A refusal says what must be
/// ordered: an option on the current formula, or another formula.
/// </summary>
public sealed record Availability(ServiceElement Element, bool IsAvailable, string? Reason, string? WhatToOrder)
{
    public static Availability Granted(ServiceElement element) => new(element, true, null, null);
}
