using Microsoft.EntityFrameworkCore;
using Vms.Data.Identity;
using Vms.Domain.Identity;
using Vms.Server.Features.Account;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Users;

/// <summary>
/// The operator's own staff: accounts without a customer, each with one operator profile (administrator or
/// read-only). Operator staff read the list; only operator administrators create accounts. Enabling and disabling
/// go through <see cref="UserService.SetActiveAsync"/>, as for customer users.
/// </summary>
public sealed class OperatorStaffService(VmsDb db, TimeProvider time, AuditLog audit, PasswordHasher hasher, UserService users)
{
    public async Task<Outcome<IReadOnlyList<UserDto>>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsOperator)
        {
            return Outcome<IReadOnlyList<UserDto>>.Forbidden("The operator's staff list is for operator staff.");
        }

        await using var context = db.ForSystem();
        var staff = await context.Users.AsNoTracking().Include(u => u.Profiles).ThenInclude(p => p.Profile)
            .Where(u => u.CustomerId == null).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<UserDto>>.Ok([.. staff.Select(UserService.ToDto)]);
    }

    /// <summary>Creates a staff account with a one-time password, to be changed at first sign-in.</summary>
    public async Task<Outcome<CreatedUser>> CreateAsync(Caller caller, CreateStaffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!IsOperatorAdministrator(caller))
        {
            return Outcome<CreatedUser>.Forbidden("Creating operator staff needs the right OperatorManage.");
        }

        var v = new Validator();
        v.Text("userName", request.UserName, AccountService.MaxUserNameLength);
        v.Text("displayName", request.DisplayName, 200);
        v.Email("email", request.Email);
        var userName = request.UserName?.Trim();
        if (!string.IsNullOrEmpty(userName) && userName.Length <= AccountService.MaxUserNameLength && await users.UserNameTakenAsync(userName, cancellationToken))
        {
            v.Add("userName", "This user name is taken.");
        }

        await using var context = db.ForSystem();
        var profile = StandardProfiles.ForOperator.Any(p => p.Name == request.Profile)
            ? await context.Profiles.SingleOrDefaultAsync(p => p.CustomerId == null && p.Name == request.Profile, cancellationToken)
            : null;
        if (profile is null)
        {
            v.Add("profile", $"Choose {string.Join(" or ", StandardProfiles.ForOperator.Select(p => p.Name))}.");
        }

        if (!v.IsValid)
        {
            return Outcome<CreatedUser>.Invalid(v.Errors);
        }

        var password = OneTimePassword.Create();
        var user = UserService.NewUser(null, userName!, request.DisplayName!.Trim(), request.Email!.Trim(), hasher.Hash(password), null, time.GetUtcNow());
        user.Profiles.Add(new UserProfile { UserId = user.Id, ProfileId = profile!.Id, Profile = profile });
        context.Users.Add(user);
        audit.Add(context, caller, "staff.created", null, user.UserName, profile.Name);
        await context.SaveChangesAsync(cancellationToken);
        return Outcome<CreatedUser>.Ok(new CreatedUser(UserService.ToDto(user), password));
    }

    internal static bool IsOperatorAdministrator(Caller caller) => caller.CustomerId is null && caller.Has(Rights.OperatorManage);
}
