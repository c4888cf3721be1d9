namespace Vms.Server.Features.Users;

public sealed record UserDto(Guid Id, Guid? CustomerId, string UserName, string DisplayName, string Email, bool IsActive, bool MustChangePassword, Guid? AuthorisedPersonId, IReadOnlyList<ProfileRef> Profiles);

public sealed record ProfileRef(Guid Id, string Name);

/// <summary>A new account for an authorised person named on an order (P5), with the profiles to assign.</summary>
public sealed record CreateUserRequest(Guid? AuthorisedPersonId, string? UserName, IReadOnlyList<Guid>? ProfileIds);

/// <summary>The new account and its one-time password (shown once; it must be changed at first sign-in).</summary>
public sealed record CreatedUser(UserDto User, string OneTimePassword);

public sealed record AssignProfilesRequest(IReadOnlyList<Guid>? ProfileIds);

/// <summary>A profile: Kind is Custom, BuiltIn, OperatorSupport (BGC-*, never changeable by customers) or Operator.</summary>
public sealed record ProfileDto(Guid Id, Guid? CustomerId, string Name, string Kind, IReadOnlyList<string> Rights, bool CustomerMayChange);

public sealed record ProfileRequest(string? Name, IReadOnlyList<string>? Rights);

public sealed record TokenDto(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

public sealed record CreateTokenRequest(string? Name, int? ExpiresInDays);

/// <summary>A new personal access token: <see cref="Token"/> is shown once.</summary>
public sealed record CreatedToken(TokenDto Info, string Token);

/// <summary>A new operator staff account: its profile is one of the operator profiles (operator-administrator, operator-read-only).</summary>
public sealed record CreateStaffRequest(string? UserName, string? DisplayName, string? Email, string? Profile);
