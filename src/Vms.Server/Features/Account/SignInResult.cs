namespace Vms.Server.Features.Account;

/// <summary>The answer to a sign-in attempt. Unknown user and wrong password give the same answer.</summary>
public sealed record SignInResult(bool Succeeded, bool Throttled, Guid UserId, string UserName, Guid? CustomerId, string? SessionId, bool MustChangePassword)
{
    public static SignInResult Failed { get; } = new(false, false, Guid.Empty, "", null, null, false);

    public static SignInResult TooManyAttempts { get; } = new(false, true, Guid.Empty, "", null, null, false);
}
