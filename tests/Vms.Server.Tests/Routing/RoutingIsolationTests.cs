using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vms.Server.Features.Common;
using Vms.Server.Features.Routing;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Routing;

/// <summary>NFR4: a user of customer B never sees nor changes customer A's routing.</summary>
public sealed class RoutingIsolationTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task OtherCustomer_CannotSeeOrChangeTrees(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var a = await Scenario.CustomerAsync(app, "Acme", "Classic", [], "+3222345670", "admin@acme.test");
        var b = await Scenario.CustomerAsync(app, "Bolt", "Classic", [], "+3222345671", "admin@bolt.test");
        var resolver = app.Services.GetRequiredService<CallerResolver>();
        var adminA = (await resolver.ResolveAsync(a.AdminUserId, default))!;
        var adminB = (await resolver.ResolveAsync(b.AdminUserId, default))!;
        var routing = new RoutingServices(app);
        var treeId = (await routing.Trees.CreateAsync(adminA, a.CustomerId, new CreateTreeRequest("Secret", null), default)).Value!.Id;
        await routing.Lists.UploadCsvAsync(adminA, a.CustomerId, "vip", Encoding.UTF8.GetBytes("0475123456\n"), false, default);

        Assert.Equal(OutcomeStatus.NotFound, (await routing.Trees.ListAsync(adminB, a.CustomerId, default)).Status);
        Assert.Empty((await routing.Trees.ListAsync(adminB, b.CustomerId, default)).Value!);
        Assert.Equal(OutcomeStatus.NotFound, (await routing.Trees.GetAsync(adminB, treeId, default)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await routing.Trees.ExportAsync(adminB, treeId, 1, default)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await routing.Trees.SaveDraftAsync(adminB, treeId, Encoding.UTF8.GetBytes(RoutingServices.OfficeTree), default)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await routing.Trees.DeleteAsync(adminB, treeId, default)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await routing.Publisher.PublishAsync(adminB, treeId, 1, default)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await routing.Publisher.RollbackAsync(adminB, treeId, 1, default)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await routing.Publisher.SimulateAsync(adminB, treeId, new SimulateRequest(null, "+3222345670", new DateTime(2026, 11, 30, 10, 0, 0)), default)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await routing.Publisher.ValidateAsync(adminB, treeId, 1, default)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await routing.Lists.ListAsync(adminB, a.CustomerId, default)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await routing.Lists.UploadCsvAsync(adminB, a.CustomerId, "vip", Encoding.UTF8.GetBytes("0475000000\n"), false, default)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await routing.Prompts.UploadAsync(adminB, a.CustomerId, "x", RoutingServices.Wav(), default)).Status);

        // B cannot attach its own tree to A's number either.
        var bTree = (await routing.Trees.CreateAsync(adminB, b.CustomerId, new CreateTreeRequest("Mine", null), default)).Value!.Id;
        var aNumber = (await app.Services.GetRequiredService<Vms.Server.Features.Numbers.NumberService>().ListAsync(adminA, a.CustomerId, default)).Value!.Single().Id;
        Assert.Equal(OutcomeStatus.Invalid, (await routing.Publisher.AssignAsync(adminB, bTree, new AssignPlanRequest(aNumber), default)).Status);
        Assert.Equal("Secret", (await routing.Trees.GetAsync(adminA, treeId, default)).Value!.Name);
    }
}
