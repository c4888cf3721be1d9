namespace Vms.Server.Features.Account;

/// <summary>
/// The state of a server-side session: active (with the moment it will end if nothing happens), or ended and why.
/// </summary>
public sealed record SessionCheck(bool IsActive, Guid UserId, DateTimeOffset ExpiresAt, string? EndReason, bool MustChangePassword)
{
    public static SessionCheck Ended(string reason) => new(false, Guid.Empty, DateTimeOffset.MinValue, reason, false);
}
