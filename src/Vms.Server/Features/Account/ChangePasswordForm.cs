namespace Vms.Server.Features.Account;

/// <summary>The password change form: fields currentPassword, newPassword, confirmPassword, returnUrl.</summary>
public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
    public string? ReturnUrl { get; set; }
}
