using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Customers;

public sealed class EntitlementApiTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Entitlements_ClassicWithRecording_RecordingAvailableMobileAppRefusedWithWhatToOrder(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var a = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", ["AgentContactManagement", "VoiceRecording"], "+3222101010", "admin@alpha.test");
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, a.AdminUserId));
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/customers/{a.CustomerId}/entitlements");
        JsonElement Of(string element) => list.EnumerateArray().Single(e => e.GetProperty("element").GetString() == element);
        Assert.True(Of("VoiceRecording").GetProperty("isAvailable").GetBoolean());
        Assert.True(Of("AgentContactManagement").GetProperty("isAvailable").GetBoolean());
        Assert.False(Of("StatisticsPortal").GetProperty("isAvailable").GetBoolean());
        Assert.Contains("Statistics portal", Of("StatisticsPortal").GetProperty("whatToOrder").GetString(), StringComparison.Ordinal);
        Assert.False(Of("MobileApp").GetProperty("isAvailable").GetBoolean());
        Assert.Contains("Voice Continuity", Of("MobileApp").GetProperty("whatToOrder").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ChangeContract_RecordingOnDrs_Is400AndKeepsTheVersion(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var a = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", [], "+3222101010", "admin@alpha.test");
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, (await Scenario.OperatorAsync(app)).UserId));
        using var refused = await client.PostAsJsonAsync($"/api/customers/{a.CustomerId}/contract", new { formula = "Drs", options = new[] { "VoiceRecording" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await Http.JsonAsync(refused)).GetProperty("errors").TryGetProperty("options", out _));

        using var accepted = await client.PostAsJsonAsync($"/api/customers/{a.CustomerId}/contract", new { formula = "Classic", options = new[] { "VoiceRecording" }, reason = "Recording ordered" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var detail = await Http.JsonAsync(accepted);
        Assert.Equal(2, detail.GetProperty("contract").GetProperty("version").GetInt32());
        Assert.Equal(2, detail.GetProperty("history").GetArrayLength());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ChangeContract_CustomerAdmin_IsForbidden(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var a = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", [], "+3222101010", "admin@alpha.test");
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, a.AdminUserId));
        using var response = await client.PostAsJsonAsync($"/api/customers/{a.CustomerId}/contract", new { formula = "Classic", options = new[] { "VoiceRecording" } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
