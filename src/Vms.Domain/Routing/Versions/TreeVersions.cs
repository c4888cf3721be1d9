using Vms.Domain.Routing.Validation;

namespace Vms.Domain.Routing.Versions;

/// <summary>
/// The rules of drafts, publishing and roll-back (TRM7), pure: each operation takes the tree's current versions and
/// returns the versions to insert or update. Publishing needs a clean validation report; the published version
/// before it becomes archived. Roll-back republishes an earlier version's content as a new version, so history is
/// never rewritten.
/// </summary>
public static class TreeVersions
{
    public static TreeVersion? Published(IEnumerable<TreeVersion> versions) =>
        versions.FirstOrDefault(v => v.State == TreeVersionState.Published);

    public static TreeVersion? Draft(IEnumerable<TreeVersion> versions) =>
        versions.FirstOrDefault(v => v.State == TreeVersionState.Draft);

    /// <summary>Saves the draft: updates the open draft or starts a new one.</summary>
    public static VersionResult SaveDraft(IReadOnlyList<TreeVersion> versions, string json, string by, DateTimeOffset at)
    {
        var draft = Draft(versions);
        var saved = draft is null
            ? new TreeVersion(NextNumber(versions), TreeVersionState.Draft, json, by, at, null)
            : draft with { Json = json, CreatedBy = by, CreatedAt = at };
        return new VersionResult([saved], null);
    }

    public static VersionResult Publish(IReadOnlyList<TreeVersion> versions, int number, ValidationReport report,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        var target = versions.FirstOrDefault(v => v.Number == number);
        if (target is null)
        {
            return VersionResult.Fail($"Version {number} does not exist.");
        }

        if (target.State != TreeVersionState.Draft)
        {
            return VersionResult.Fail($"Version {number} is {target.State.ToString().ToLowerInvariant()}; only a draft can be published.");
        }

        if (!report.IsValid)
        {
            return VersionResult.Fail($"Version {number} has {report.Problems.Count} problem(s); fix them before publishing.");
        }

        return new VersionResult(Archive(versions, target with { State = TreeVersionState.Published, PublishedAt = at }), null);
    }

    public static VersionResult Rollback(IReadOnlyList<TreeVersion> versions, int number, string by, DateTimeOffset at)
    {
        var target = versions.FirstOrDefault(v => v.Number == number);
        if (target is null)
        {
            return VersionResult.Fail($"Version {number} does not exist.");
        }

        if (target.State == TreeVersionState.Draft)
        {
            return VersionResult.Fail($"Version {number} is a draft that was never published; publish it instead.");
        }

        if (target.State == TreeVersionState.Published)
        {
            return VersionResult.Fail($"Version {number} is already the published version.");
        }

        var copy = new TreeVersion(NextNumber(versions), TreeVersionState.Published, target.Json, by, at, at);
        return new VersionResult(Archive(versions, copy), null);
    }

    private static List<TreeVersion> Archive(IReadOnlyList<TreeVersion> versions, TreeVersion published)
    {
        var changed = new List<TreeVersion> { published };
        if (Published(versions) is { } old && old.Number != published.Number)
        {
            changed.Add(old with { State = TreeVersionState.Archived });
        }

        return changed;
    }

    private static int NextNumber(IReadOnlyList<TreeVersion> versions) =>
        versions.Count == 0 ? 1 : versions.Max(v => v.Number) + 1;
}
