using System.Text;
using Microsoft.EntityFrameworkCore;
using Vms.Data.Routing;
using Vms.Domain.Identity;
using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Versions;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Routing;

/// <summary>Routing trees of a customer: create, list, read, rename, delete, save drafts (import), export (TRM1, TRM7).</summary>
public sealed class RoutingTreeService(VmsDb db, TimeProvider time, AuditLog audit, RoutingAccess access)
{
    public async Task<Outcome<IReadOnlyList<TreeSummaryDto>>> ListAsync(Caller caller, Guid customerId, CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync<IReadOnlyList<TreeSummaryDto>>(caller, customerId, Rights.ViewRouting, cancellationToken) is { } refused)
        {
            return refused;
        }

        await using var context = db.For(caller);
        var trees = await context.RoutingTrees.AsNoTracking().Where(t => t.CustomerId == customerId).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var ids = trees.Select(t => t.Id).ToList();
        var versions = await context.RoutingTreeVersions.AsNoTracking().Where(v => ids.Contains(v.TreeId))
            .Select(v => new { v.TreeId, v.VersionNumber, v.State }).ToListAsync(cancellationToken);
        var numbers = await context.NumberPlanAssignments.AsNoTracking().Where(a => ids.Contains(a.TreeId))
            .Select(a => new { a.TreeId, a.Number!.E164 }).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<TreeSummaryDto>>.Ok([.. trees.Select(t => new TreeSummaryDto(
            t.Id, t.CustomerId, t.Name,
            versions.Where(v => v.TreeId == t.Id && v.State == RoutingTreeVersionState.Published).Select(v => (int?)v.VersionNumber).FirstOrDefault(),
            versions.Where(v => v.TreeId == t.Id && v.State == RoutingTreeVersionState.Draft).Select(v => (int?)v.VersionNumber).FirstOrDefault(),
            [.. numbers.Where(n => n.TreeId == t.Id).Select(n => n.E164).Distinct().Order(StringComparer.Ordinal)]))]);
    }

    public async Task<Outcome<TreeDetailDto>> CreateAsync(Caller caller, Guid customerId, CreateTreeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (await access.RefuseAsync<TreeDetailDto>(caller, customerId, Rights.EditRouting, cancellationToken) is { } refused)
        {
            return refused;
        }

        var validator = new Validator();
        validator.Text("name", request.Name, 200);
        var (tree, errors) = RoutingStore.Parse(Encoding.UTF8.GetBytes(request.Json ?? RoutingStore.Template));
        validator.AddRange(errors);
        if (!validator.IsValid)
        {
            return Outcome<TreeDetailDto>.Invalid(validator.Errors);
        }

        await using var context = db.For(caller);
        var name = request.Name.Trim();
        if (await context.RoutingTrees.AnyAsync(t => t.CustomerId == customerId && t.Name == name, cancellationToken))
        {
            return Outcome<TreeDetailDto>.Invalid("name", "A routing tree with this name already exists.");
        }

        var entity = new RoutingTree { Id = Guid.NewGuid(), CustomerId = customerId, Name = name };
        context.RoutingTrees.Add(entity);
        var json = RoutingTreeWriter.WriteString(tree! with { Name = name });
        RoutingStore.Apply(context, entity.Id, [], TreeVersions.SaveDraft([], json, caller.UserName, time.GetUtcNow()));
        audit.Add(context, caller, "routing.tree-created", customerId, name);
        await context.SaveChangesAsync(cancellationToken);
        return await GetAsync(caller, entity.Id, cancellationToken);
    }

    public async Task<Outcome<TreeDetailDto>> GetAsync(Caller caller, Guid treeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var tree = await context.RoutingTrees.AsNoTracking().SingleOrDefaultAsync(t => t.Id == treeId, cancellationToken);
        if (tree is null)
        {
            return Outcome<TreeDetailDto>.NotFound();
        }

        if (await access.RefuseAsync<TreeDetailDto>(caller, tree.CustomerId, Rights.ViewRouting, cancellationToken) is { } refused)
        {
            return refused;
        }

        var versions = await RoutingStore.VersionsAsync(context, treeId, cancellationToken);
        var assignments = await context.NumberPlanAssignments.AsNoTracking().Where(a => a.TreeId == treeId)
            .Select(a => new PlanAssignmentDto(a.NumberId, a.Number!.E164, a.PlanKind.ToString().ToLowerInvariant(), a.TreeId, a.IsActive))
            .ToListAsync(cancellationToken);
        return Outcome<TreeDetailDto>.Ok(new TreeDetailDto(
            tree.Id, tree.CustomerId, tree.Name,
            [.. versions.Select(RoutingStore.ToDto)],
            versions.FirstOrDefault(v => v.State == RoutingTreeVersionState.Draft)?.Json,
            versions.FirstOrDefault(v => v.State == RoutingTreeVersionState.Published)?.Json,
            assignments));
    }

    /// <summary>Saves (or imports) the draft. Malformed tree JSON → every problem with its JSON pointer; nothing saved.</summary>
    public async Task<Outcome<ValidationDto>> SaveDraftAsync(Caller caller, Guid treeId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var tree = await context.RoutingTrees.SingleOrDefaultAsync(t => t.Id == treeId, cancellationToken);
        if (tree is null)
        {
            return Outcome<ValidationDto>.NotFound();
        }

        if (await access.RefuseAsync<ValidationDto>(caller, tree.CustomerId, Rights.EditRouting, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (parsed, errors) = RoutingStore.Parse(json.Span);
        if (parsed is null)
        {
            return Outcome<ValidationDto>.Invalid(errors);
        }

        var versions = await RoutingStore.VersionsAsync(context, treeId, cancellationToken);
        var canonical = RoutingTreeWriter.WriteString(parsed with { Name = tree.Name });
        var result = TreeVersions.SaveDraft([.. versions.Select(RoutingStore.ToDomain)], canonical, caller.UserName, time.GetUtcNow());
        RoutingStore.Apply(context, treeId, versions, result);
        audit.Add(context, caller, "routing.draft-saved", tree.CustomerId, tree.Name);
        await context.SaveChangesAsync(cancellationToken);
        var number = result.Changed[0].Number;
        var report = await RoutingValidation.ValidateAsync(context, access, tree.CustomerId, parsed, cancellationToken);
        return Outcome<ValidationDto>.Ok(new ValidationDto(number, report.IsValid, [.. report.Problems.Select(RoutingStore.ToDto)]));
    }

    /// <summary>The JSON of one version (export).</summary>
    public async Task<Outcome<string>> ExportAsync(Caller caller, Guid treeId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var tree = await context.RoutingTrees.AsNoTracking().SingleOrDefaultAsync(t => t.Id == treeId, cancellationToken);
        if (tree is null)
        {
            return Outcome<string>.NotFound();
        }

        if (await access.RefuseAsync<string>(caller, tree.CustomerId, Rights.ViewRouting, cancellationToken) is { } refused)
        {
            return refused;
        }

        var json = await context.RoutingTreeVersions.AsNoTracking().Where(v => v.TreeId == treeId && v.VersionNumber == version)
            .Select(v => v.Json).SingleOrDefaultAsync(cancellationToken);
        return json is null ? Outcome<string>.NotFound() : Outcome<string>.Ok(json);
    }

    public async Task<Outcome<TreeDetailDto>> DeleteAsync(Caller caller, Guid treeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.For(caller);
        var tree = await context.RoutingTrees.SingleOrDefaultAsync(t => t.Id == treeId, cancellationToken);
        if (tree is null)
        {
            return Outcome<TreeDetailDto>.NotFound();
        }

        if (await access.RefuseAsync<TreeDetailDto>(caller, tree.CustomerId, Rights.ActivateRouting, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await context.NumberPlanAssignments.AnyAsync(a => a.TreeId == treeId, cancellationToken))
        {
            return Outcome<TreeDetailDto>.Invalid("tree", "The tree serves numbers: attach them to another tree first.");
        }

        var detail = await GetAsync(caller, treeId, cancellationToken);
        context.RoutingTreeVersions.RemoveRange(await RoutingStore.VersionsAsync(context, treeId, cancellationToken));
        context.RoutingTrees.Remove(tree);
        audit.Add(context, caller, "routing.tree-deleted", tree.CustomerId, tree.Name);
        await context.SaveChangesAsync(cancellationToken);
        return detail;
    }
}
