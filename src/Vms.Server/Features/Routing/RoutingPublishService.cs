using Microsoft.EntityFrameworkCore;
using Vms.Data;
using Vms.Data.Routing;
using Vms.Domain.Identity;
using Vms.Domain.Routing.Evaluation;
using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Simulation;
using Vms.Domain.Routing.Versions;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Calls.Routing;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Routing;

/// <summary>Validate, publish, roll back, diff, simulate and attach trees to numbers (TRM1, TRM7).</summary>
public sealed class RoutingPublishService(VmsDb db, TimeProvider time, AuditLog audit, RoutingAccess access, IServiceProvider services)
{
    public async Task<Outcome<ValidationDto>> ValidateAsync(Caller caller, Guid treeId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var (tree, versions, refused) = await LoadAsync<ValidationDto>(context, caller, treeId, Rights.ViewRouting, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var entity = versions.FirstOrDefault(v => v.VersionNumber == version);
        if (entity is null)
        {
            return Outcome<ValidationDto>.NotFound();
        }

        var read = RoutingTreeJson.Read(entity.Json);
        if (read.Tree is null)
        {
            return Outcome<ValidationDto>.Ok(new ValidationDto(version, false, [.. read.Problems.Select(RoutingStore.ToDto)]));
        }

        var report = await RoutingValidation.ValidateAsync(context, access, tree!.CustomerId, read.Tree, cancellationToken);
        return Outcome<ValidationDto>.Ok(new ValidationDto(version, report.IsValid, [.. report.Problems.Select(RoutingStore.ToDto)]));
    }

    /// <summary>Publishes a draft; an invalid tree is refused with every problem (JSON pointers), nothing changes.</summary>
    public async Task<Outcome<TreeVersionDto>> PublishAsync(Caller caller, Guid treeId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var (tree, versions, refused) = await LoadAsync<TreeVersionDto>(context, caller, treeId, Rights.ActivateRouting, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var entity = versions.FirstOrDefault(v => v.VersionNumber == version);
        if (entity is null)
        {
            return Outcome<TreeVersionDto>.NotFound();
        }

        var read = RoutingTreeJson.Read(entity.Json);
        if (read.Tree is null)
        {
            return Outcome<TreeVersionDto>.Invalid([.. read.Problems.Select(RoutingStore.ToError)]);
        }

        var report = await RoutingValidation.ValidateAsync(context, access, tree!.CustomerId, read.Tree, cancellationToken);
        if (!report.IsValid)
        {
            return Outcome<TreeVersionDto>.Invalid([.. report.Problems.Select(RoutingStore.ToError)]);
        }

        var result = TreeVersions.Publish([.. versions.Select(RoutingStore.ToDomain)], version, report, time.GetUtcNow());
        if (!result.Succeeded)
        {
            return Outcome<TreeVersionDto>.Invalid("version", result.Error!);
        }

        RoutingStore.Apply(context, treeId, versions, result);
        audit.Add(context, caller, "routing.published", tree.CustomerId, tree.Name, $"version {version}");
        await context.SaveChangesAsync(cancellationToken);
        await RefreshSnapshotAsync(cancellationToken);
        return Outcome<TreeVersionDto>.Ok(RoutingStore.ToDto(versions.Single(v => v.VersionNumber == version)));
    }

    /// <summary>Republishes an earlier version's content as a new published version.</summary>
    public async Task<Outcome<TreeVersionDto>> RollbackAsync(Caller caller, Guid treeId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var (tree, versions, refused) = await LoadAsync<TreeVersionDto>(context, caller, treeId, Rights.ActivateRouting, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var result = TreeVersions.Rollback([.. versions.Select(RoutingStore.ToDomain)], version, caller.UserName, time.GetUtcNow());
        if (!result.Succeeded)
        {
            return Outcome<TreeVersionDto>.Invalid("version", result.Error!);
        }

        RoutingStore.Apply(context, treeId, versions, result);
        audit.Add(context, caller, "routing.rolled-back", tree!.CustomerId, tree.Name, $"to version {version}");
        await context.SaveChangesAsync(cancellationToken);
        await RefreshSnapshotAsync(cancellationToken);
        return Outcome<TreeVersionDto>.Ok(RoutingStore.ToDto(versions.Single(v => v.VersionNumber == result.Changed[0].Number)));
    }

    public async Task<Outcome<IReadOnlyList<TreeChangeDto>>> DiffAsync(Caller caller, Guid treeId, int from, int to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var (_, versions, refused) = await LoadAsync<IReadOnlyList<TreeChangeDto>>(context, caller, treeId, Rights.ViewRouting, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var a = versions.FirstOrDefault(v => v.VersionNumber == from);
        var b = versions.FirstOrDefault(v => v.VersionNumber == to);
        if (a is null || b is null || RoutingTreeJson.Read(a.Json).Tree is not { } before || RoutingTreeJson.Read(b.Json).Tree is not { } after)
        {
            return Outcome<IReadOnlyList<TreeChangeDto>>.NotFound();
        }

        return Outcome<IReadOnlyList<TreeChangeDto>>.Ok([.. TreeDiff.Compare(before, after)
            .Select(c => new TreeChangeDto(c.Kind.ToString().ToLowerInvariant(), c.What, c.Before, c.After))]);
    }

    /// <summary>Where a call would go, and why (the draft by default, else the published version).</summary>
    public async Task<Outcome<SimulationDto>> SimulateAsync(Caller caller, Guid treeId, SimulateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await using var context = db.For(caller);
        var (tree, versions, refused) = await LoadAsync<SimulationDto>(context, caller, treeId, Rights.ViewRouting, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var entity = request.Version is { } v
            ? versions.FirstOrDefault(x => x.VersionNumber == v)
            : versions.FirstOrDefault(x => x.State == RoutingTreeVersionState.Draft) ?? versions.FirstOrDefault(x => x.State == RoutingTreeVersionState.Published);
        if (entity is null)
        {
            return Outcome<SimulationDto>.NotFound();
        }

        var validator = new Validator();
        validator.Text("called", request.Called, 40);
        if (request.LocalTime.Year is < 2000 or > 2099)
        {
            validator.Add("localTime", "A date and time between 2000 and 2099, in the tree's time zone.");
        }

        var outcomes = new Dictionary<string, OutcomeKind>(StringComparer.Ordinal);
        foreach (var (node, text) in request.Outcomes ?? new Dictionary<string, string>())
        {
            if (Enum.TryParse<OutcomeKind>(text, ignoreCase: true, out var kind) && kind is OutcomeKind.Answered or OutcomeKind.Busy or OutcomeKind.NoAnswer or OutcomeKind.Failed)
            {
                outcomes[node] = kind;
            }
            else
            {
                validator.Add($"outcomes.{node}", "One of answered, busy, noAnswer, failed.");
            }
        }

        var compiled = RoutingTreeJson.Read(entity.Json).Tree is { } parsed ? RoutePlanCompiler.Compile(parsed, tree!.CustomerId) : null;
        if (compiled?.Plan is null)
        {
            validator.AddRange((compiled?.Problems ?? []).Select(RoutingStore.ToError));
            validator.Add("version", "This version cannot be simulated: fix its problems first.");
        }

        if (!validator.IsValid)
        {
            return Outcome<SimulationDto>.Invalid(validator.Errors);
        }

        var result = RouteSimulator.Simulate(compiled!.Plan!, new SimulationRequest
        {
            Caller = request.Caller,
            Called = request.Called,
            LocalTime = request.LocalTime,
            Digits = [.. (request.Digits ?? []).Select(d => d.Trim())],
            ForwardOutcomes = outcomes,
            CallerLists = (request.CallerLists ?? []).ToHashSet(StringComparer.Ordinal),
            SitesDown = (request.SitesDown ?? []).ToHashSet(StringComparer.Ordinal),
            FullDestinations = (request.FullDestinations ?? []).ToHashSet(StringComparer.Ordinal),
        }, ExplanationTexts.For(System.Globalization.CultureInfo.CurrentUICulture));
        return Outcome<SimulationDto>.Ok(new SimulationDto(
            entity.VersionNumber,
            [.. result.Steps.Select(s => new SimulatedStepDto(s.Kind.ToString(), s.NodeId, s.Description, s.Outcome?.ToString()))],
            result.End.ToString(),
            result.Explanation));
    }

    /// <summary>Attaches the tree to one of the customer's active numbers for a plan kind (TRM1).</summary>
    public async Task<Outcome<PlanAssignmentDto>> AssignAsync(Caller caller, Guid treeId, AssignPlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await using var context = db.For(caller);
        var (tree, _, refused) = await LoadAsync<PlanAssignmentDto>(context, caller, treeId, Rights.ActivateRouting, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!Enum.TryParse<PlanKind>(request.PlanKind ?? "normal", ignoreCase: true, out var kind))
        {
            return Outcome<PlanAssignmentDto>.Invalid("planKind", "One of normal, drs, continuity.");
        }

        var number = await context.Numbers.SingleOrDefaultAsync(n => n.Id == request.NumberId && n.CustomerId == tree!.CustomerId, cancellationToken);
        if (number is null || number.ActiveE164 is null)
        {
            return Outcome<PlanAssignmentDto>.Invalid("numberId", "Not an active number of this customer.");
        }

        var plans = await context.NumberPlanAssignments.Where(a => a.NumberId == number.Id).ToListAsync(cancellationToken);
        var plan = plans.FirstOrDefault(a => a.PlanKind == kind);
        if (plan is null)
        {
            plan = new NumberPlanAssignment { NumberId = number.Id, PlanKind = kind };
            context.NumberPlanAssignments.Add(plan);
            plans.Add(plan);
        }

        plan.TreeId = treeId;
        if (request.Activate)
        {
            plans.ForEach(p => p.IsActive = p.PlanKind == kind);
        }

        audit.Add(context, caller, "routing.assigned", tree!.CustomerId, number.E164, $"{kind} → {tree.Name}");
        await context.SaveChangesAsync(cancellationToken);
        await RefreshSnapshotAsync(cancellationToken);
        return Outcome<PlanAssignmentDto>.Ok(new PlanAssignmentDto(number.Id, number.E164, kind.ToString().ToLowerInvariant(), treeId, plan.IsActive));
    }

    private async Task<(RoutingTree? Tree, List<RoutingTreeVersion> Versions, Outcome<T>? Refused)> LoadAsync<T>(
        VmsDbContext context, Caller caller, Guid treeId, Rights right, CancellationToken cancellationToken)
    {
        var tree = await context.RoutingTrees.AsNoTracking().SingleOrDefaultAsync(t => t.Id == treeId, cancellationToken);
        if (tree is null)
        {
            return (null, [], Outcome<T>.NotFound());
        }

        if (await access.RefuseAsync<T>(caller, tree.CustomerId, right, cancellationToken) is { } refused)
        {
            return (tree, [], refused);
        }

        return (tree, await RoutingStore.VersionsAsync(context, treeId, cancellationToken), null);
    }

    /// <summary>Rebuilds the published snapshot at once (the call path reads it; NFR2 file saved by the provider).</summary>
    private async Task RefreshSnapshotAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IRoutingSnapshotProvider>() is DatabaseSnapshotProvider provider)
        {
            try
            {
                await provider.RefreshAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The change is committed; the snapshot file could not be written now. The provider's periodic
                // refresh saves it later, and the in-memory snapshot is what calls use.
                services.GetService<ILogger<RoutingPublishService>>()?.LogWarning(e, "Routing snapshot file not written after a change");
            }
        }
    }
}
