using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vms.Server.Features.Calls.Routing;
using Vms.Server.Features.Common;
using Vms.Server.Features.Routing;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Routing;

public sealed class RoutingServiceTests
{
    private static async Task<(VmsApp App, RoutingServices Routing, CustomerFixture Customer, Caller Admin)> StartAsync(string[]? options = null)
    {
        var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var customer = await Scenario.CustomerAsync(app, "Acme", "Classic", options ?? [], "+3222345670", "admin@acme.test");
        var admin = (await app.Services.GetRequiredService<CallerResolver>().ResolveAsync(customer.AdminUserId, CancellationToken.None))!;
        return (app, new RoutingServices(app), customer, admin);
    }

    [Fact]
    public async Task Publish_OfficeTree_RefusedUntilPromptsUploadedThenRoutes()
    {
        var (app, routing, customer, admin) = await StartAsync();
        await using var _ = app;
        var created = await routing.Trees.CreateAsync(admin, customer.CustomerId, new CreateTreeRequest("Main", null), default);
        Assert.True(created.IsOk, created.Reason);
        var treeId = created.Value!.Id;

        var saved = await routing.Trees.SaveDraftAsync(admin, treeId, Encoding.UTF8.GetBytes(RoutingServices.OfficeTree), default);
        Assert.False(saved.Value!.IsValid);
        Assert.Contains(saved.Value.Problems, p => p.Path == "/nodes/3/prompt" && p.Code == "prompt.missing");

        var refused = await routing.Publisher.PublishAsync(admin, treeId, saved.Value.Version, default);
        Assert.Equal(OutcomeStatus.Invalid, refused.Status);
        Assert.Contains(refused.Errors, e => e.Field == "/nodes/4/prompt");

        foreach (var name in new[] { "busy", "closed" })
        {
            var uploaded = await routing.Prompts.UploadAsync(admin, customer.CustomerId, name, RoutingServices.Wav(), default);
            Assert.True(uploaded.IsOk, string.Join("; ", uploaded.Errors.Select(e => e.Message)));
            Assert.Equal(500, uploaded.Value!.DurationMs);
        }

        var published = await routing.Publisher.PublishAsync(admin, treeId, saved.Value.Version, default);
        Assert.True(published.IsOk, string.Join("; ", published.Errors.Select(e => e.Field + " " + e.Message)));
        Assert.Equal("published", published.Value!.State);

        var saturday = await routing.Publisher.SimulateAsync(admin, treeId,
            new SimulateRequest("+3292345678", customer.Number, new DateTime(2026, 11, 28, 14, 5, 0)), default);
        Assert.Equal(["closed", "closed"], saturday.Value!.Steps.Select(s => s.NodeId));
        var monday = await routing.Publisher.SimulateAsync(admin, treeId,
            new SimulateRequest("+3292345678", customer.Number, new DateTime(2026, 11, 30, 10, 0, 0),
                Outcomes: new Dictionary<string, string> { ["office"] = "noAnswer" }), default);
        Assert.Equal(["office", "mobile"], monday.Value!.Steps.Select(s => s.NodeId));
        Assert.Equal("Connected", monday.Value.End);
    }

    [Theory]
    [InlineData("fr-BE", "pas de réponse → 'mobile'", "Renvoi vers")]
    [InlineData("nl-BE", "geen antwoord → 'mobile'", "Doorschakelen naar")]
    [InlineData("en", "no answer → 'mobile'", "Forward to")]
    public async Task Simulate_InTheUsersLanguage_ExplainsInThatLanguage(string culture, string explanation, string step)
    {
        var (app, routing, customer, admin) = await StartAsync();
        await using var _ = app;
        var treeId = (await routing.Trees.CreateAsync(admin, customer.CustomerId, new CreateTreeRequest("Main", """
            { "root": "office", "nodes": [
              { "id": "office", "type": "forward", "number": "+3222345678", "ringTimeoutSeconds": 20, "onNoAnswer": "mobile" },
              { "id": "mobile", "type": "forward", "number": "+32475123456" } ] }
            """), default)).Value!.Id;
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture); // as RequestLocalization sets it
        try
        {
            var result = await routing.Publisher.SimulateAsync(admin, treeId,
                new SimulateRequest("+3292345678", customer.Number, new DateTime(2026, 11, 30, 10, 0, 0),
                    Outcomes: new Dictionary<string, string> { ["office"] = "noAnswer" }), default);

            Assert.True(result.IsOk, result.Reason);
            Assert.Contains(result.Value!.Explanation, l => l.Contains(explanation, StringComparison.Ordinal));
            Assert.StartsWith(step, result.Value.Steps[0].Description, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = ui;
        }
    }

    [Fact]
    public async Task Assign_PublishedTree_EntersTheSnapshot()
    {
        var (app, routing, customer, admin) = await StartAsync();
        await using var _ = app;
        var treeId = (await routing.Trees.CreateAsync(admin, customer.CustomerId, new CreateTreeRequest("Main", """
            { "root": "r", "nodes": [ { "id": "r", "type": "reject", "reason": "busy" } ] }
            """), default)).Value!.Id;
        Assert.True((await routing.Publisher.PublishAsync(admin, treeId, 1, default)).IsOk);
        var numberId = (await app.Services.GetRequiredService<Vms.Server.Features.Numbers.NumberService>()
            .ListAsync(admin, customer.CustomerId, default)).Value!.Single().Id;

        var assigned = await routing.Publisher.AssignAsync(admin, treeId, new AssignPlanRequest(numberId), default);

        Assert.True(assigned.IsOk, string.Join("; ", assigned.Errors.Select(e => e.Message)));
        var snapshot = app.Services.GetRequiredService<IRoutingSnapshotProvider>().Current;
        Assert.True(snapshot.TryGet(customer.Number, out var number));
        Assert.Equal(customer.CustomerId, number.Active!.CustomerId);
    }

    [Fact]
    public async Task SaveDraft_BadJson_ProblemsWithPointersAndNothingSaved()
    {
        var (app, routing, customer, admin) = await StartAsync();
        await using var _ = app;
        var treeId = (await routing.Trees.CreateAsync(admin, customer.CustomerId, new CreateTreeRequest("Main", null), default)).Value!.Id;
        var before = (await routing.Trees.GetAsync(admin, treeId, default)).Value!.DraftJson;

        var result = await routing.Trees.SaveDraftAsync(admin, treeId, Encoding.UTF8.GetBytes("""
            { "root": "a", "nodes": [ { "id": "a", "type": "forward", "number": "02", "ringTimeoutSeconds": "x" }, { "id": "b", "type": "teleport" } ] }
            """), default);

        Assert.Equal(OutcomeStatus.Invalid, result.Status);
        Assert.Equal(["/nodes/0/ringTimeoutSeconds", "/nodes/1/type"], result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(before, (await routing.Trees.GetAsync(admin, treeId, default)).Value!.DraftJson);
    }

    [Fact]
    public async Task Publish_AgentGroupWithoutAcm_RefusedNamingAcm()
    {
        var (app, routing, customer, admin) = await StartAsync();
        await using var _ = app;
        var treeId = (await routing.Trees.CreateAsync(admin, customer.CustomerId, new CreateTreeRequest("Agents", """
            { "root": "g", "nodes": [ { "id": "g", "type": "agentGroup", "group": "sales" } ] }
            """), default)).Value!.Id;

        var refused = await routing.Publisher.PublishAsync(admin, treeId, 1, default);

        var error = Assert.Single(refused.Errors);
        Assert.Equal("/nodes/0", error.Field);
        Assert.Contains("ACM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_RepublishesEarlierContent()
    {
        var (app, routing, customer, admin) = await StartAsync();
        await using var _ = app;
        var treeId = (await routing.Trees.CreateAsync(admin, customer.CustomerId, new CreateTreeRequest("Main", """
            { "root": "r", "nodes": [ { "id": "r", "type": "reject", "reason": "busy" } ] }
            """), default)).Value!.Id;
        await routing.Publisher.PublishAsync(admin, treeId, 1, default);
        await routing.Trees.SaveDraftAsync(admin, treeId, Encoding.UTF8.GetBytes("""{ "root": "r", "nodes": [ { "id": "r", "type": "reject", "reason": "rejected" } ] }"""), default);
        await routing.Publisher.PublishAsync(admin, treeId, 2, default);

        var rolled = await routing.Publisher.RollbackAsync(admin, treeId, 1, default);

        Assert.Equal(3, rolled.Value!.Number);
        var detail = (await routing.Trees.GetAsync(admin, treeId, default)).Value!;
        Assert.Contains("\"busy\"", detail.PublishedJson, StringComparison.Ordinal);
        Assert.Equal(["archived", "archived", "published"], detail.Versions.OrderBy(v => v.Number).Select(v => v.State));
        var diff = await routing.Publisher.DiffAsync(admin, treeId, 1, 2, default);
        Assert.Equal("node r", Assert.Single(diff.Value!).What);
    }

    [Fact]
    public async Task CallerListCsv_BadRows_NothingImportedUnlessAsked()
    {
        var (app, routing, customer, admin) = await StartAsync();
        await using var _ = app;
        var csv = Encoding.UTF8.GetBytes("number\n0475123456\nnot-a-number\n+3250*\n");

        var refused = await routing.Lists.UploadCsvAsync(admin, customer.CustomerId, "vip", csv, importGoodRows: false, default);
        Assert.True(refused.Value!.Refused);
        Assert.Equal(3, Assert.Single(refused.Value.Errors).Line);
        Assert.Empty((await routing.Lists.ListAsync(admin, customer.CustomerId, default)).Value!);

        var imported = await routing.Lists.UploadCsvAsync(admin, customer.CustomerId, "vip", csv, importGoodRows: true, default);
        Assert.Equal(2, imported.Value!.Imported);
        Assert.Equal(["+32475123456", "+3250*"], (await routing.Lists.ListAsync(admin, customer.CustomerId, default)).Value!.Single().Entries);
    }

    [Fact]
    public async Task UploadPrompt_NotAWav_RefusedWithReason()
    {
        var (app, routing, customer, admin) = await StartAsync();
        await using var _ = app;

        var result = await routing.Prompts.UploadAsync(admin, customer.CustomerId, "closed", Encoding.ASCII.GetBytes("hello, not RIFF"), default);

        Assert.Equal("file", Assert.Single(result.Errors).Field);
        Assert.Empty((await routing.Prompts.ListAsync(admin, customer.CustomerId, default)).Value!);
    }
}
