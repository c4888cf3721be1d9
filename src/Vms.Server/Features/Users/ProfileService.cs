using Microsoft.EntityFrameworkCore;
using Vms.Data.Identity;
using Vms.Domain.Identity;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Users;

/// <summary>Profiles (P2, P4): customer administrators define custom ones; built-in and BGC profiles are fixed.</summary>
public sealed class ProfileService(VmsDb db, TimeProvider time, AuditLog audit)
{
    public async Task<Outcome<IReadOnlyList<ProfileDto>>> ListAsync(Caller caller, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        if (!await context.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return Outcome<IReadOnlyList<ProfileDto>>.NotFound();
        }

        var profiles = await context.Profiles.AsNoTracking().Where(p => p.CustomerId == customerId).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<ProfileDto>>.Ok([.. profiles.OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Ordinal).Select(ToDto)]);
    }

    public async Task<Outcome<ProfileDto>> CreateAsync(Caller caller, Guid customerId, ProfileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await using var context = db.For(caller);
        if (!await context.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return Outcome<ProfileDto>.NotFound();
        }

        if (!caller.Can(customerId, Rights.ManageProfiles))
        {
            return Outcome<ProfileDto>.Forbidden("Defining profiles needs the right ManageProfiles.");
        }

        var (name, rights, errors) = await ValidateAsync(context, customerId, null, request, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome<ProfileDto>.Invalid(errors);
        }

        var profile = new Profile { Id = Guid.CreateVersion7(time.GetUtcNow()), CustomerId = customerId, Name = name!, Rights = rights, Kind = ProfileKind.Custom };
        context.Profiles.Add(profile);
        audit.Add(context, caller, "profile.created", customerId, profile.Name, rights.ToString());
        await context.SaveChangesAsync(cancellationToken);
        return Outcome<ProfileDto>.Ok(ToDto(profile));
    }

    public async Task<Outcome<ProfileDto>> UpdateAsync(Caller caller, Guid profileId, ProfileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await using var context = db.For(caller);
        var profile = await context.Profiles.SingleOrDefaultAsync(p => p.Id == profileId && p.CustomerId != null, cancellationToken);
        if (profile is null)
        {
            return Outcome<ProfileDto>.NotFound();
        }

        if (!caller.Can(profile.CustomerId!.Value, Rights.ManageProfiles) || !MayChange(caller, profile))
        {
            return Outcome<ProfileDto>.Forbidden($"The profile {profile.Name} cannot be changed.");
        }

        var (name, rights, errors) = await ValidateAsync(context, profile.CustomerId.Value, profile.Id, request, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome<ProfileDto>.Invalid(errors);
        }

        profile.Name = name!;
        profile.Rights = rights;
        audit.Add(context, caller, "profile.changed", profile.CustomerId, profile.Name, rights.ToString());
        await context.SaveChangesAsync(cancellationToken);
        return Outcome<ProfileDto>.Ok(ToDto(profile));
    }

    public async Task<Outcome<bool>> DeleteAsync(Caller caller, Guid profileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var profile = await context.Profiles.SingleOrDefaultAsync(p => p.Id == profileId && p.CustomerId != null, cancellationToken);
        if (profile is null)
        {
            return Outcome<bool>.NotFound();
        }

        if (!caller.Can(profile.CustomerId!.Value, Rights.ManageProfiles) || profile.Kind != ProfileKind.Custom)
        {
            return Outcome<bool>.Forbidden($"The profile {profile.Name} cannot be deleted.");
        }

        if (await context.UserProfiles.AnyAsync(p => p.ProfileId == profileId, cancellationToken))
        {
            return Outcome<bool>.Invalid("profileId", "The profile is still assigned to users.");
        }

        context.Profiles.Remove(profile);
        audit.Add(context, caller, "profile.deleted", profile.CustomerId, profile.Name);
        await context.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Custom profiles may be changed by the customer; BGC profiles only by the operator; built-in never.</summary>
    internal static bool MayChange(Caller caller, Profile profile) => profile.Kind switch
    {
        ProfileKind.Custom => true,
        ProfileKind.OperatorSupport => caller.CustomerId is null && caller.Has(Rights.OperatorManage),
        _ => false,
    };

    private static async Task<(string? Name, Rights Rights, List<Domain.Common.FieldError> Errors)> ValidateAsync(
        Data.VmsDbContext context, Guid customerId, Guid? self, ProfileRequest request, CancellationToken cancellationToken)
    {
        var v = new Validator();
        v.Text("name", request.Name, 64);
        var name = request.Name?.Trim();
        if (v.IsValid && await context.Profiles.AnyAsync(p => p.CustomerId == customerId && p.Name == name && p.Id != self, cancellationToken))
        {
            v.Add("name", "A profile of this customer already has this name.");
        }

        var rights = Rights.None;
        foreach (var (text, index) in (request.Rights ?? []).Select((r, i) => (r, i)))
        {
            if (Enum.TryParse<Rights>(text, ignoreCase: true, out var right) && !int.TryParse(text, out _)
                && right != Rights.None && (right & ~Rights.AllCustomer) == 0 && Enum.IsDefined(right))
            {
                rights |= right;
            }
            else
            {
                v.Add($"rights[{index}]", $"Unknown customer right '{text}'.");
            }
        }

        return (name, rights, [.. v.Errors]);
    }

    internal static ProfileDto ToDto(Profile p) => new(
        p.Id, p.CustomerId, p.Name, p.Kind.ToString(),
        [.. Enum.GetValues<Rights>().Where(r => r is not (Rights.None or Rights.AllCustomer) && (p.Rights & r) == r).Select(r => r.ToString())],
        p.Kind == ProfileKind.Custom);
}
