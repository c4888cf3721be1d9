namespace Vms.Domain.Identity;

/// <summary>What a chosen password must be.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// <summary>The reasons the password is refused; empty when accepted.</summary>
    public static IReadOnlyList<string> Check(string? password, string userName)
    {
        var reasons = new List<string>();
        if (string.IsNullOrEmpty(password))
        {
            reasons.Add("A password is required.");
            return reasons;
        }

        if (password.Length < MinLength)
        {
            reasons.Add($"A password has at least {MinLength} characters.");
        }

        if (password.Length > MaxLength)
        {
            reasons.Add($"A password has at most {MaxLength} characters.");
        }

        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("A password must not contain the user name.");
        }

        if (password.Distinct().Count() < 5)
        {
            reasons.Add("A password needs more different characters.");
        }

        return reasons;
    }
}
