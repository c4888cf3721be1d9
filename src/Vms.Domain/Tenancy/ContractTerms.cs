using Vms.Domain.Common;

namespace Vms.Domain.Tenancy;

/// <summary>A formula and the options ordered on it (one contract version's content, F2/F4).</summary>
public sealed record ContractTerms(Formula Formula, IReadOnlySet<ServiceElement> Options)
{
    /// <summary>The options as a bit set, for storage (bit n = ServiceElement n).</summary>
    public long OptionBits => ToBits(Options);

    public static long ToBits(IEnumerable<ServiceElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return elements.Aggregate(0L, (bits, e) => bits | (1L << (int)e));
    }

    public static IReadOnlySet<ServiceElement> FromBits(long bits) =>
        Enum.GetValues<ServiceElement>().Where(e => (bits & (1L << (int)e)) != 0).ToHashSet();

    /// <summary>
    /// Validates a formula and options against the matrix exactly: every option must be an "OPT" cell of the
    /// formula. Returns one error per offending option (empty when valid).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(Formula formula, IEnumerable<ServiceElement> options, string field = "options")
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(formula))
        {
            errors.Add(new FieldError("formula", "Unknown formula."));
            return errors;
        }

        foreach (var option in options.Distinct())
        {
            if (!Enum.IsDefined(option))
            {
                errors.Add(new FieldError(field, $"Unknown service element {(int)option}."));
                continue;
            }

            var cell = EntitlementMatrix.Get(formula, option);
            if (cell == Entitlement.Included)
            {
                errors.Add(new FieldError(field, $"{ServiceElementNames.Of(option)} is already included in {ServiceElementNames.Of(formula)}; it cannot be ordered as an option."));
            }
            else if (cell == Entitlement.NotAvailable)
            {
                var offering = string.Join(", ", EntitlementMatrix.FormulasOffering(option).Select(ServiceElementNames.Of));
                errors.Add(new FieldError(field, $"{ServiceElementNames.Of(option)} is not available on {ServiceElementNames.Of(formula)} (available on: {offering})."));
            }
        }

        return errors;
    }
}
