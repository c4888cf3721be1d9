using Vms.Domain.Common;
using Vms.Domain.Tenancy;

namespace Vms.Server.Features.Customers;

/// <summary>Reads a formula and options given as text, and validates them against the matrix (F2).</summary>
public static class ContractInput
{
    public static (ContractTerms? Terms, IReadOnlyList<FieldError> Errors) Parse(string? formula, IReadOnlyList<string>? options)
    {
        var errors = new List<FieldError>();
        Formula? parsedFormula = null;
        if (string.IsNullOrWhiteSpace(formula))
        {
            errors.Add(new FieldError("formula", "Required (Classic, Drs, VoiceContinuity or Outbound)."));
        }
        else if (Enum.TryParse<Formula>(formula, ignoreCase: true, out var f) && Enum.IsDefined(f) && !int.TryParse(formula, out _))
        {
            parsedFormula = f;
        }
        else
        {
            errors.Add(new FieldError("formula", $"Unknown formula '{Clip(formula)}' (Classic, Drs, VoiceContinuity or Outbound)."));
        }

        var elements = new List<ServiceElement>();
        foreach (var (option, index) in (options ?? []).Select((o, i) => (o, i)))
        {
            if (Enum.TryParse<ServiceElement>(option, ignoreCase: true, out var e) && Enum.IsDefined(e) && !int.TryParse(option, out _))
            {
                elements.Add(e);
            }
            else
            {
                errors.Add(new FieldError($"options[{index}]", $"Unknown service element '{Clip(option)}'."));
            }
        }

        if (parsedFormula is { } valid)
        {
            errors.AddRange(ContractTerms.Validate(valid, elements));
        }

        return errors.Count == 0 ? (new ContractTerms(parsedFormula!.Value, elements.ToHashSet()), errors) : (null, errors);
    }

    private static string Clip(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;
}
