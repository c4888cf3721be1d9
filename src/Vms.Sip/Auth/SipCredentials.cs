namespace Vms.Sip.Auth;

/// <summary>A user name and password to answer digest challenges with (UAC towards a trunk or registrar).</summary>
/// <param name="Username">The user name.</param>
/// <param name="Password">The password.</param>
public sealed record SipCredentials(string Username, string Password)
{
    /// <inheritdoc/>
    public override string ToString() => "SipCredentials { Username = " + Username + " }";
}
