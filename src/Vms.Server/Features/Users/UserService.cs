using Microsoft.EntityFrameworkCore;
using Vms.Data;
using Vms.Data.Identity;
using Vms.Domain.Identity;
using Vms.Server.Features.Account;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Users;

/// <summary>Customer users: accounts only for authorised persons named on an order (P5), profiles assigned (P2).</summary>
public sealed class UserService(VmsDb db, TimeProvider time, AuditLog audit, PasswordHasher hasher, SessionStore sessions)
{
    public async Task<Outcome<IReadOnlyList<UserDto>>> ListAsync(Caller caller, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        if (!await context.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return Outcome<IReadOnlyList<UserDto>>.NotFound();
        }

        if (!caller.Can(customerId, Rights.ManageUsers) && !caller.IsOperator)
        {
            return Outcome<IReadOnlyList<UserDto>>.Forbidden("Listing users needs the right ManageUsers.");
        }

        var users = await context.Users.AsNoTracking().Include(u => u.Profiles).ThenInclude(p => p.Profile)
            .Where(u => u.CustomerId == customerId).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<UserDto>>.Ok([.. users.Select(ToDto)]);
    }

    public async Task<Outcome<UserDto>> GetAsync(Caller caller, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var user = await context.Users.AsNoTracking().Include(u => u.Profiles).ThenInclude(p => p.Profile).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Outcome<UserDto>.NotFound();
        }

        return user.Id == caller.UserId || caller.IsOperator || (user.CustomerId is { } c && caller.Can(c, Rights.ManageUsers))
            ? Outcome<UserDto>.Ok(ToDto(user))
            : Outcome<UserDto>.Forbidden("Viewing other users needs the right ManageUsers.");
    }

    /// <summary>Creates an account for an authorised person of the customer, with a one-time password.</summary>
    public async Task<Outcome<CreatedUser>> CreateAsync(Caller caller, Guid customerId, CreateUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await using var context = db.For(caller);
        if (!await context.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return Outcome<CreatedUser>.NotFound();
        }

        if (!caller.Can(customerId, Rights.ManageUsers))
        {
            return Outcome<CreatedUser>.Forbidden("Creating users needs the right ManageUsers.");
        }

        var v = new Validator();
        var person = request.AuthorisedPersonId is { } personId
            ? await context.AuthorisedPersons.SingleOrDefaultAsync(p => p.Id == personId && p.CustomerId == customerId, cancellationToken)
            : null;
        if (person is null)
        {
            v.Add("authorisedPersonId", "Accounts are only for the authorised persons named on the customer's orders.");
        }
        else if (await context.Users.AnyAsync(u => u.AuthorisedPersonId == person.Id, cancellationToken))
        {
            v.Add("authorisedPersonId", "This authorised person already has an account.");
        }

        v.Text("userName", request.UserName, AccountService.MaxUserNameLength, required: false);
        var userName = string.IsNullOrWhiteSpace(request.UserName) ? person?.Email : request.UserName.Trim();
        if (userName is not null && userName.Length <= AccountService.MaxUserNameLength && await UserNameTakenAsync(userName, cancellationToken))
        {
            v.Add("userName", "This user name is taken.");
        }

        var profiles = await CheckProfilesAsync(context, caller, customerId, request.ProfileIds, [], v, cancellationToken);
        if (!v.IsValid)
        {
            return Outcome<CreatedUser>.Invalid(v.Errors);
        }

        var password = OneTimePassword.Create();
        var user = NewUser(customerId, userName!, person!.Name, person.Email, hasher.Hash(password), person.Id, time.GetUtcNow());
        user.Profiles.AddRange(profiles.Select(p => new UserProfile { UserId = user.Id, ProfileId = p.Id, Profile = p }));
        context.Users.Add(user);
        audit.Add(context, caller, "user.created", customerId, user.UserName, string.Join(",", profiles.Select(p => p.Name)));
        await context.SaveChangesAsync(cancellationToken);
        return Outcome<CreatedUser>.Ok(new CreatedUser(ToDto(user), password));
    }

    /// <summary>Replaces the profiles of a user. Customers cannot add or remove the operator's BGC profiles.</summary>
    public async Task<Outcome<UserDto>> AssignProfilesAsync(Caller caller, Guid userId, AssignProfilesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await using var context = db.For(caller);
        var user = await context.Users.Include(u => u.Profiles).ThenInclude(p => p.Profile).SingleOrDefaultAsync(u => u.Id == userId && u.CustomerId != null, cancellationToken);
        if (user is null)
        {
            return Outcome<UserDto>.NotFound();
        }

        var customerId = user.CustomerId!.Value;
        if (!caller.Can(customerId, Rights.ManageUsers))
        {
            return Outcome<UserDto>.Forbidden("Assigning profiles needs the right ManageUsers.");
        }

        var v = new Validator();
        var current = user.Profiles.Select(p => p.Profile!).ToList();
        var wanted = await CheckProfilesAsync(context, caller, customerId, request.ProfileIds, current, v, cancellationToken);
        if (caller.CustomerId is not null && current.Any(p => p.Kind == ProfileKind.OperatorSupport && wanted.All(w => w.Id != p.Id)))
        {
            v.Add("profileIds", "The operator's BGC profiles cannot be removed by the customer.");
        }

        if (!v.IsValid)
        {
            return Outcome<UserDto>.Invalid(v.Errors);
        }

        user.Profiles.RemoveAll(p => wanted.All(w => w.Id != p.ProfileId));
        foreach (var profile in wanted.Where(w => user.Profiles.All(p => p.ProfileId != w.Id)))
        {
            user.Profiles.Add(new UserProfile { UserId = user.Id, ProfileId = profile.Id, Profile = profile });
        }

        audit.Add(context, caller, "user.profiles-assigned", customerId, user.UserName, string.Join(",", wanted.Select(p => p.Name)));
        await context.SaveChangesAsync(cancellationToken);
        return Outcome<UserDto>.Ok(ToDto(user));
    }

    /// <summary>Enables or disables a customer user, or (for operator administrators) an operator staff account; never one's own.</summary>
    public async Task<Outcome<UserDto>> SetActiveAsync(Caller caller, Guid userId, bool active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var staff = OperatorStaffService.IsOperatorAdministrator(caller);
        await using var context = staff ? db.ForSystem() : db.For(caller);
        var user = await context.Users.Include(u => u.Profiles).ThenInclude(p => p.Profile)
            .SingleOrDefaultAsync(u => u.Id == userId && (u.CustomerId != null || staff), cancellationToken);
        if (user is null)
        {
            return Outcome<UserDto>.NotFound();
        }

        var allowed = user.CustomerId is { } customerId ? caller.Can(customerId, Rights.ManageUsers) : staff;
        if (!allowed || user.Id == caller.UserId)
        {
            return Outcome<UserDto>.Forbidden("Changing this account is not allowed.");
        }

        user.IsActive = active;
        audit.Add(context, caller, active ? "user.enabled" : "user.disabled", user.CustomerId, user.UserName);
        await context.SaveChangesAsync(cancellationToken);
        if (!active)
        {
            await sessions.EndAllAsync(user.Id, "user-disabled", cancellationToken);
        }

        return Outcome<UserDto>.Ok(ToDto(user));
    }

    internal static User NewUser(Guid? customerId, string userName, string displayName, string email, string passwordHash, Guid? personId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), CustomerId = customerId, UserName = userName, NormalizedUserName = userName.ToLowerInvariant(),
        DisplayName = displayName, Email = email, PasswordHash = passwordHash, MustChangePassword = true, IsActive = true,
        AuthorisedPersonId = personId, CreatedAt = now,
    };

    internal async Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = userName.ToLowerInvariant();
        await using var system = db.ForSystem();
        return await system.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }

    private static async Task<List<Profile>> CheckProfilesAsync(VmsDbContext context, Caller caller, Guid customerId, IReadOnlyList<Guid>? ids, List<Profile> current, Validator v, CancellationToken cancellationToken)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        var found = await context.Profiles.Where(p => wanted.Contains(p.Id) && p.CustomerId == customerId).ToListAsync(cancellationToken);
        foreach (var (id, index) in wanted.Select((id, i) => (id, i)))
        {
            var profile = found.SingleOrDefault(p => p.Id == id);
            if (profile is null)
            {
                v.Add($"profileIds[{index}]", "Not a profile of this customer.");
            }
            else if (profile.Kind == ProfileKind.OperatorSupport && caller.CustomerId is not null && current.All(c => c.Id != id))
            {
                v.Add($"profileIds[{index}]", $"{profile.Name} is an operator support profile; only the operator assigns it.");
            }
        }

        return found;
    }

    internal static UserDto ToDto(User u) => new(
        u.Id, u.CustomerId, u.UserName, u.DisplayName, u.Email, u.IsActive, u.MustChangePassword, u.AuthorisedPersonId,
        [.. u.Profiles.Where(p => p.Profile is not null).Select(p => new ProfileRef(p.ProfileId, p.Profile!.Name)).OrderBy(p => p.Name, StringComparer.Ordinal)]);
}
