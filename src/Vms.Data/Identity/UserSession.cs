namespace Vms.Data.Identity;

/// <summary>A server-side sign-in session (P1): the cookie carries only its id.</summary>
public sealed class UserSession
{
    /// <summary>SHA-256 of the session id held in the cookie (hex).</summary>
    public string Id { get; set; } = "";

    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndReason { get; set; }
}
