using Microsoft.EntityFrameworkCore;
using Vms.Data;
using Vms.Data.Routing;
using Vms.Domain.Routing.Json;
using DomainTree = Vms.Domain.Routing.Model.RoutingTree;
using Vms.Domain.Routing.Versions;
using Vms.Domain.Common;

namespace Vms.Server.Features.Routing;

/// <summary>Mapping between the EF routing entities and the domain's versions, and tree JSON parsing.</summary>
internal static class RoutingStore
{
    public static async Task<List<RoutingTreeVersion>> VersionsAsync(VmsDbContext context, Guid treeId, CancellationToken cancellationToken) =>
        await context.RoutingTreeVersions.Where(v => v.TreeId == treeId).OrderBy(v => v.VersionNumber).ToListAsync(cancellationToken);

    public static TreeVersion ToDomain(RoutingTreeVersion v) =>
        new(v.VersionNumber, (TreeVersionState)(int)v.State, v.Json, v.CreatedBy, v.CreatedAt, v.PublishedAt);

    public static TreeVersionDto ToDto(RoutingTreeVersion v) =>
        new(v.VersionNumber, v.State.ToString().ToLowerInvariant(), v.CreatedBy, v.CreatedAt, v.PublishedAt);

    /// <summary>Applies a version operation's changes to the tracked entities (inserting new versions).</summary>
    public static void Apply(VmsDbContext context, Guid treeId, List<RoutingTreeVersion> entities, VersionResult result)
    {
        foreach (var changed in result.Changed)
        {
            var entity = entities.FirstOrDefault(e => e.VersionNumber == changed.Number);
            if (entity is null)
            {
                entity = new RoutingTreeVersion { Id = Guid.NewGuid(), TreeId = treeId, VersionNumber = changed.Number };
                context.RoutingTreeVersions.Add(entity);
                entities.Add(entity);
            }

            entity.State = (RoutingTreeVersionState)(int)changed.State;
            entity.Json = changed.Json;
            entity.CreatedBy = changed.CreatedBy;
            entity.CreatedAt = changed.CreatedAt;
            entity.PublishedAt = changed.PublishedAt;
        }
    }

    /// <summary>Parses tree JSON; problems become field errors keyed by their JSON pointer.</summary>
    public static (DomainTree? Tree, List<FieldError> Errors) Parse(ReadOnlySpan<byte> json)
    {
        var read = RoutingTreeJson.Read(json);
        return (read.Succeeded ? read.Tree : null, [.. read.Problems.Select(ToError)]);
    }

    public static FieldError ToError(RoutingProblem p) => new(p.Path.Length == 0 ? "/" : p.Path, $"[{p.Code}] {p.Message}");

    public static RoutingProblemDto ToDto(RoutingProblem p) => new(p.Path, p.Code, p.Message);

    /// <summary>The tree a new routing tree starts from: weekdays 8–18 to a number, otherwise an announcement.</summary>
    public const string Template = """
    {
      "schemaVersion": 1,
      "root": "hours",
      "nodes": [
        { "id": "hours", "type": "time", "rules": [ { "label": "Office hours", "days": ["mon","tue","wed","thu","fri"], "from": "08:00", "to": "18:00", "next": "closed" } ], "holiday": "closed", "otherwise": "closed" },
        { "id": "closed", "type": "announcement", "prompt": "closed" }
      ]
    }
    """;
}
