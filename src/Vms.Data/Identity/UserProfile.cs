namespace Vms.Data.Identity;

/// <summary>A profile assigned to a user.</summary>
public sealed class UserProfile
{
    public Guid UserId { get; set; }
    public Guid ProfileId { get; set; }
    public User? User { get; set; }
    public Profile? Profile { get; set; }
}
