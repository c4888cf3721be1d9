namespace Vms.Server.Features.Account;

/// <summary>The claims VMS puts in a signed-in principal.</summary>
public static class VmsClaims
{
    /// <summary>The server-side session id (cookie sign-in only).</summary>
    public const string SessionId = "vms:sid";

    /// <summary>The customer id of a customer user; absent for operator staff.</summary>
    public const string CustomerId = "vms:customer";

    /// <summary>"true" while the user must change a one-time password.</summary>
    public const string MustChangePassword = "vms:must-change-password";

    /// <summary>"operator" or "customer": which portal area the user belongs to.</summary>
    public const string Area = "vms:area";
}
