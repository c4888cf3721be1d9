using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Validation;
using Vms.Domain.Routing.Versions;

namespace Vms.Domain.Tests.Routing;

public class TreeVersionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly ValidationReport Clean = new([]);

    private static List<TreeVersion> Apply(List<TreeVersion> versions, VersionResult result)
    {
        Assert.True(result.Succeeded, result.Error);
        foreach (var changed in result.Changed)
        {
            versions.RemoveAll(v => v.Number == changed.Number);
            versions.Add(changed);
        }

        return versions;
    }

    [Fact]
    public void SaveDraft_Twice_UpdatesTheSameDraft()
    {
        var versions = Apply([], TreeVersions.SaveDraft([], "{1}", "ann", T0));
        Apply(versions, TreeVersions.SaveDraft(versions, "{2}", "bob", T0.AddMinutes(1)));

        var draft = Assert.Single(versions);
        Assert.Equal((1, "{2}", "bob", TreeVersionState.Draft), (draft.Number, draft.Json, draft.CreatedBy, draft.State));
    }

    [Fact]
    public void Publish_Draft_ArchivesPreviousAndRecordsWhen()
    {
        var versions = Apply([], TreeVersions.SaveDraft([], "{1}", "ann", T0));
        Apply(versions, TreeVersions.Publish(versions, 1, Clean, T0.AddMinutes(5)));
        Apply(versions, TreeVersions.SaveDraft(versions, "{2}", "ann", T0.AddMinutes(6)));
        Apply(versions, TreeVersions.Publish(versions, 2, Clean, T0.AddMinutes(7)));

        Assert.Equal(TreeVersionState.Archived, versions.Single(v => v.Number == 1).State);
        Assert.Equal(T0.AddMinutes(7), TreeVersions.Published(versions)!.PublishedAt);
        Assert.Equal(2, TreeVersions.Published(versions)!.Number);
    }

    [Fact]
    public void Publish_InvalidReport_Refused()
    {
        var versions = Apply([], TreeVersions.SaveDraft([], "{1}", "ann", T0));

        var result = TreeVersions.Publish(versions, 1, new ValidationReport([new RoutingProblem("/root", "x", "bad")]), T0);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Changed);
    }

    [Fact]
    public void Publish_AlreadyPublished_Refused()
    {
        var versions = Apply([], TreeVersions.SaveDraft([], "{1}", "ann", T0));
        Apply(versions, TreeVersions.Publish(versions, 1, Clean, T0));

        Assert.False(TreeVersions.Publish(versions, 1, Clean, T0).Succeeded);
        Assert.False(TreeVersions.Publish(versions, 9, Clean, T0).Succeeded);
    }

    [Fact]
    public void Rollback_ToArchived_RepublishesItsContentAsNewVersion()
    {
        var versions = Apply([], TreeVersions.SaveDraft([], "{1}", "ann", T0));
        Apply(versions, TreeVersions.Publish(versions, 1, Clean, T0));
        Apply(versions, TreeVersions.SaveDraft(versions, "{2}", "ann", T0));
        Apply(versions, TreeVersions.Publish(versions, 2, Clean, T0));

        Apply(versions, TreeVersions.Rollback(versions, 1, "support", T0.AddHours(1)));

        var published = TreeVersions.Published(versions)!;
        Assert.Equal((3, "{1}", "support"), (published.Number, published.Json, published.CreatedBy));
        Assert.Equal(TreeVersionState.Archived, versions.Single(v => v.Number == 2).State);
        Assert.Single(versions, v => v.State == TreeVersionState.Published);
    }

    [Fact]
    public void Rollback_ToDraftOrCurrent_Refused()
    {
        var versions = Apply([], TreeVersions.SaveDraft([], "{1}", "ann", T0));
        Assert.False(TreeVersions.Rollback(versions, 1, "ann", T0).Succeeded);
        Apply(versions, TreeVersions.Publish(versions, 1, Clean, T0));
        Assert.False(TreeVersions.Rollback(versions, 1, "ann", T0).Succeeded);
    }

    [Fact]
    public void Diff_ChangedAddedRemovedNodes_Listed()
    {
        var before = TestTrees.Tree(TestTrees.Office);
        var after = before with
        {
            TimeZone = "Europe/Paris",
            Nodes = [.. before.Nodes.Where(n => n.Id != "reject").Select(n => n.Id == "closed"
                ? (Domain.Routing.Model.RouteNode)((Domain.Routing.Model.AnnouncementNode)n with { Prompt = "closed-v2" })
                : n), new Domain.Routing.Model.RejectNode { Id = "nope" }],
        };

        var changes = TreeDiff.Compare(before, after);

        Assert.Equal(
            ["Added node nope", "Changed node closed", "Changed timeZone", "Removed node reject"],
            changes.Select(c => $"{c.Kind} {c.What}").Order(StringComparer.Ordinal));
        Assert.Contains("closed-v2", changes.Single(c => c.What == "node closed").After, StringComparison.Ordinal);
        Assert.Empty(TreeDiff.Compare(before, TestTrees.Tree(RoutingTreeWriter.WriteString(before))));
    }
}
