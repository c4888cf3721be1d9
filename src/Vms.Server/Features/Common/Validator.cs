using System.Net.Mail;
using Vms.Domain.Common;

namespace Vms.Server.Features.Common;

/// <summary>Collects every offending field of a request (never stops at the first).</summary>
public sealed class Validator
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void AddRange(IEnumerable<FieldError> errors) => _errors.AddRange(errors);

    /// <summary>A required text of at most <paramref name="max"/> characters.</summary>
    public void Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "Required.");
            }
        }
        else if (value.Length > max)
        {
            Add(field, $"At most {max} characters.");
        }
    }

    public void Email(string field, string? value, bool required = true)
    {
        Text(field, value, 254, required);
        if (!string.IsNullOrWhiteSpace(value) && value.Length <= 254 && !IsEmail(value))
        {
            Add(field, "Not a valid e-mail address.");
        }
    }

    private static bool IsEmail(string value)
    {
        if (!MailAddress.TryCreate(value, out var address))
        {
            return false;
        }

        return string.Equals(address.Address, value.Trim(), StringComparison.OrdinalIgnoreCase) && address.Host.Contains('.', StringComparison.Ordinal);
    }
}
