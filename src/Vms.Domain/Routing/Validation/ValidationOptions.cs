using Vms.Domain.Tenancy;

namespace Vms.Domain.Routing.Validation;

/// <summary>
/// What the validator needs to know about the customer: its entitlements (ACM), the prompts it has uploaded and its
/// caller lists. A null set means "not checked" (e.g. an import preview).
/// </summary>
public sealed record ValidationOptions
{
    public IReadOnlySet<ServiceElement> Entitlements { get; init; } = new HashSet<ServiceElement>();

    public IReadOnlySet<string>? KnownPrompts { get; init; }

    public IReadOnlySet<string>? KnownCallerLists { get; init; }

    public const int MaxNodes = 1000;

    /// <summary>Structure only: no prompt or list check, ACM allowed (used when compiling a published tree).</summary>
    public static ValidationOptions StructureOnly { get; } = new()
    {
        Entitlements = new HashSet<ServiceElement> { ServiceElement.AgentContactManagement },
    };
}
