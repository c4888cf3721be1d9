namespace Vms.Data.Identity;

/// <summary>A personal access token for the REST API, acting as its user with the user's rights.</summary>
public sealed class AccessToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the token (hex); the token itself is shown once.</summary>
    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public User? User { get; set; }
}
