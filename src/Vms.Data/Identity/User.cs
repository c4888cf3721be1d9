namespace Vms.Data.Identity;

/// <summary>An operator staff member (no customer) or a user of one customer.</summary>
public sealed class User : IMaybeCustomerOwned
{
    public Guid Id { get; set; }
    public Guid? CustomerId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>Lower-case invariant form of <see cref="UserName"/>, unique.</summary>
    public string NormalizedUserName { get; set; } = "";

    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public bool MustChangePassword { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid? AuthorisedPersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<UserProfile> Profiles { get; } = [];
}
