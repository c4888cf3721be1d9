using Microsoft.EntityFrameworkCore;
using Vms.Data;
using Vms.Domain.Common;
using Vms.Domain.Numbers;

namespace Vms.Server.Features.Numbers;

/// <summary>Checks a number for a customer (IMP4): Belgian geographic, allowed services, one customer at a time.</summary>
public static class NumberRules
{
    public static (string? E164, NumberServices Services, List<FieldError> Errors) Check(string field, string? number, IReadOnlyList<string>? services, bool cnipConsent)
    {
        var errors = new List<FieldError>();
        var parsed = BelgianNumber.Parse(number);
        if (!parsed.IsValid)
        {
            errors.Add(new FieldError(field + ".number", parsed.Error!));
        }

        var flags = NumberServices.None;
        foreach (var (name, index) in (services ?? []).Select((s, i) => (s, i)))
        {
            if (Enum.TryParse<NumberServices>(name, ignoreCase: true, out var flag) && flag != NumberServices.None
                && Enum.IsDefined(flag) && !int.TryParse(name, out _))
            {
                flags |= flag;
            }
            else
            {
                errors.Add(new FieldError($"{field}.services[{index}]", $"Unknown service '{name}' (Cnip, EnterpriseOfficeSwitch, OneCompanyNumber)."));
            }
        }

        errors.AddRange(NumberEligibility.Refusals(flags, cnipConsent).Select(r => new FieldError(field + ".services", r)));
        return (parsed.E164, flags, errors);
    }

    /// <summary>An error when the number is active on another customer (or already on this one).</summary>
    public static async Task<FieldError?> CheckFreeAsync(VmsDbContext systemContext, string field, string e164, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(systemContext);
        var holder = await systemContext.Numbers.IgnoreQueryFilters().Where(n => n.ActiveE164 == e164)
            .Select(n => (Guid?)n.CustomerId).FirstOrDefaultAsync(cancellationToken);
        return holder is null ? null
            : holder == customerId ? new FieldError(field + ".number", "The number is already served for this customer.")
            : new FieldError(field + ".number", "The number is already used by another customer.");
    }
}
