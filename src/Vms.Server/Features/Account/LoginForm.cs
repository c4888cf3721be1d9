namespace Vms.Server.Features.Account;

/// <summary>The sign-in form: fields username, password, returnUrl.</summary>
public sealed class LoginForm
{
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}
