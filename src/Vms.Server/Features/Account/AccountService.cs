using Microsoft.EntityFrameworkCore;
using Vms.Domain.Common;
using Vms.Domain.Identity;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Account;

/// <summary>Password sign-in and password change.</summary>
public sealed class AccountService(VmsDb db, PasswordHasher hasher, LoginThrottle throttle, SessionStore sessions, AuditLog audit)
{
    public const int MaxUserNameLength = 64;

    public async Task<SignInResult> SignInAsync(string? userName, string? password, string address, CancellationToken cancellationToken)
    {
        var name = (userName ?? "").Trim();
        if (name.Length is 0 or > MaxUserNameLength || string.IsNullOrEmpty(password) || password.Length > PasswordPolicy.MaxLength)
        {
            hasher.Verify(null, "x");
            return SignInResult.Failed;
        }

        if (!throttle.IsAllowed(name, address))
        {
            await audit.WriteAsync(null, name, "sign-in.throttled", null, name, address, cancellationToken);
            return SignInResult.TooManyAttempts;
        }

        var normalized = name.ToLowerInvariant();
        await using var context = db.ForSystem();
        var user = await context.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);

        // Always run the hash, so an unknown user takes as long as a wrong password.
        var valid = hasher.Verify(user?.PasswordHash, password) && user is { IsActive: true };
        if (!valid)
        {
            throttle.Failed(name, address);
            await audit.WriteAsync(user?.Id, name, "sign-in.failed", user?.CustomerId, name, null, cancellationToken);
            return SignInResult.Failed;
        }

        throttle.Succeeded(name, address);
        var sessionId = await sessions.CreateAsync(user!.Id, cancellationToken);
        await audit.WriteAsync(user.Id, user.UserName, "sign-in", user.CustomerId, user.UserName, null, cancellationToken);
        return new SignInResult(true, false, user.Id, user.UserName, user.CustomerId, sessionId, user.MustChangePassword);
    }

    /// <summary>Changes the user's password; every field that is wrong is reported.</summary>
    public async Task<Outcome<bool>> ChangePasswordAsync(Guid userId, string? currentPassword, string? newPassword, string? confirmPassword, CancellationToken cancellationToken)
    {
        await using var context = db.ForSystem();
        var user = await context.Users.SingleOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken);
        if (user is null)
        {
            return Outcome<bool>.NotFound();
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(currentPassword) || currentPassword.Length > PasswordPolicy.MaxLength || !hasher.Verify(user.PasswordHash, currentPassword))
        {
            errors.Add(new FieldError("currentPassword", "The current password is wrong."));
        }

        errors.AddRange(PasswordPolicy.Check(newPassword, user.UserName).Select(m => new FieldError("newPassword", m)));
        if (!string.Equals(newPassword, confirmPassword, StringComparison.Ordinal))
        {
            errors.Add(new FieldError("confirmPassword", "The two new passwords differ."));
        }

        if (errors.Count == 0 && string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            errors.Add(new FieldError("newPassword", "The new password must differ from the current one."));
        }

        if (errors.Count > 0)
        {
            await audit.WriteAsync(user.Id, user.UserName, "password.change-refused", user.CustomerId, user.UserName, string.Join(", ", errors.Select(e => e.Field).Distinct()), cancellationToken);
            return Outcome<bool>.Invalid(errors);
        }

        user.PasswordHash = hasher.Hash(newPassword!);
        user.MustChangePassword = false;
        audit.Add(context, new Caller(user.Id, user.UserName, user.CustomerId, Rights.None), "password.changed", user.CustomerId, user.UserName);
        await context.SaveChangesAsync(cancellationToken);
        await sessions.EndAllAsync(user.Id, "password-changed", cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
