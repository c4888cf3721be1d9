using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Orders;

/// <summary>IMP3 end to end over HTTP: activation mails the one-time password through real SMTP; first sign-in forces a change.</summary>
public sealed partial class WelcomeMessageTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ActivateClassicOrder_WelcomeMailArrives_AdminSignsInChangesPasswordCreatesSupervisor(string provider)
    {
        await using var smtp = new TestSmtpServer();
        await using var app = await VmsApp.StartAsync(provider, new Dictionary<string, string?> { ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var op = app.NewClient();
        await Http.SignInAsync(op, DemoSeeder.AdminUserName, VmsApp.AdminPassword);

        var customer = await Http.JsonAsync(await op.PostAsJsonAsync("/api/customers", new { name = "Delta NV", companyNumber = "0400123456" }));
        var customerId = customer.GetProperty("id").GetString();
        using var orderResponse = await op.PostAsJsonAsync("/api/orders", new
        {
            customerId,
            formula = "Classic",
            options = new[] { "AgentContactManagement", "VoiceRecording" },
            contact = new { name = "Dana Delta", email = "dana@delta.test" },
            authorisedPersons = new object[] { new { name = "Dana Delta", email = "dana@delta.test", isAdministrator = true }, new { name = "Sam Super", email = "sam@delta.test", isAdministrator = false } },
            relatedEntities = new[] { new { name = "Delta Services BV", companyNumber = "0400654321", proof = "Shareholder register 2026" } },
            numbers = new object[] { new { number = "02 230 10 10" }, new { number = "09 230 10 10", services = new[] { "Cnip" }, cnipRemovalConsented = true, relatedEntityIndex = 0 } },
        });
        Assert.True(orderResponse.StatusCode == HttpStatusCode.Created, await orderResponse.Content.ReadAsStringAsync());
        var order = await Http.JsonAsync(orderResponse);
        Assert.Equal("Submitted", order.GetProperty("status").GetString());

        using var activation = await op.PostAsync($"/api/orders/{order.GetProperty("id").GetString()}/activate", null);
        Assert.Equal(HttpStatusCode.OK, activation.StatusCode);
        var message = Assert.Single((await Http.JsonAsync(activation)).GetProperty("messages").EnumerateArray());
        Assert.True(message.GetProperty("delivered").GetBoolean(), message.ToString());

        var mail = await smtp.NextMessageAsync();
        Assert.Equal("dana@delta.test", mail.To.Mailboxes.Single().Address);
        var text = mail.TextBody ?? "";
        Assert.Contains("http://vms.test", text, StringComparison.Ordinal);
        var password = OneTimePasswordLine().Match(text).Groups[1].Value;
        var userName = UserNameLine().Match(text).Groups[1].Value;
        Assert.Equal(16, password.Length);

        var admin = app.NewClient();
        Assert.StartsWith("/account/change-password", await Http.SignInAsync(admin, userName, password), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/me")).StatusCode);
        using var changed = await Http.PostFormAsync(admin, "/account/change-password", new()
        {
            ["currentPassword"] = password, ["newPassword"] = "a brand new passphrase", ["confirmPassword"] = "a brand new passphrase", ["returnUrl"] = "/customer",
        });
        Assert.Equal("/customer", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/me")).StatusCode);

        var profiles = await admin.GetFromJsonAsync<JsonElement>($"/api/customers/{customerId}/profiles");
        var supervisor = profiles.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "supervisor").GetProperty("id").GetString();
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/customers/{customerId}");
        var sam = detail.GetProperty("authorisedPersons").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Sam Super").GetProperty("id").GetString();
        using var created = await admin.PostAsJsonAsync($"/api/customers/{customerId}/users", new { authorisedPersonId = sam, profileIds = new[] { supervisor } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(16, (await Http.JsonAsync(created)).GetProperty("oneTimePassword").GetString()!.Length);

        // P5: no account for someone not named on an order.
        using var stranger = await admin.PostAsJsonAsync($"/api/customers/{customerId}/users", new { authorisedPersonId = Guid.NewGuid(), profileIds = new[] { supervisor } });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);

        // P4: the operator's BGC profiles cannot be changed or deleted by the customer.
        var bgc = profiles.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "BGC-ADMIN").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/profiles/{bgc}", new { name = "mine", rights = new[] { "ViewContract" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.DeleteAsync($"/api/profiles/{bgc}")).StatusCode);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ActivateVoiceContinuityOrder_ProducesPdfLetterWithPassword(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        using var op = Http.WithToken(app, await Scenario.TokenAsync(app, (await Scenario.OperatorAsync(app)).UserId));
        var customerId = (await Http.JsonAsync(await op.PostAsJsonAsync("/api/customers", new { name = "Echo SRL" }))).GetProperty("id").GetString();
        using var orderResponse = await op.PostAsJsonAsync("/api/orders", new
        {
            customerId,
            formula = "VoiceContinuity",
            contact = new { name = "Eve Echo", email = "eve@echo.test" },
            authorisedPersons = new[] { new { name = "Eve Echo", email = "eve@echo.test", isAdministrator = true } },
            numbers = new[] { new { number = "04 230 10 10" } },
        });
        Assert.True(orderResponse.StatusCode == HttpStatusCode.Created, await orderResponse.Content.ReadAsStringAsync());
        var order = await Http.JsonAsync(orderResponse);
        var orderId = order.GetProperty("id").GetString();
        using var activation = await op.PostAsync($"/api/orders/{orderId}/activate", null);
        Assert.Equal(HttpStatusCode.OK, activation.StatusCode);
        var letter = Assert.Single((await Http.JsonAsync(activation)).GetProperty("messages").EnumerateArray());
        Assert.Equal("Letter", letter.GetProperty("channel").GetString());
        Assert.True(letter.GetProperty("delivered").GetBoolean(), letter.ToString());
        var pdf = await op.GetByteArrayAsync($"/api/orders/{orderId}/letters/{letter.GetProperty("letterId").GetString()}");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task DelayOrder_RecordsReasonAndNewDateAndMailsTheContact(string provider)
    {
        await using var smtp = new TestSmtpServer();
        await using var app = await VmsApp.StartAsync(provider, new Dictionary<string, string?> { ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var op = Http.WithToken(app, await Scenario.TokenAsync(app, (await Scenario.OperatorAsync(app)).UserId));
        var customerId = (await Http.JsonAsync(await op.PostAsJsonAsync("/api/customers", new { name = "Fox NV" }))).GetProperty("id").GetString();
        var order = await Http.JsonAsync(await op.PostAsJsonAsync("/api/orders", new
        {
            customerId, formula = "Outbound", contact = new { name = "Fay", email = "fay@fox.test" },
            authorisedPersons = new[] { new { name = "Fay", email = "fay@fox.test", isAdministrator = true } },
        }));

        // Ordered Mon 2 March 2026: 15 working days later is Mon 23 March.
        Assert.Equal("2026-03-23", order.GetProperty("targetDate").GetString());
        var orderId = order.GetProperty("id").GetString();
        using var bad = await op.PostAsJsonAsync($"/api/orders/{orderId}/delay", new { reason = "", newDate = "2026-03-01" });
        var errors = (await Http.JsonAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("reason", out _) && errors.TryGetProperty("newDate", out _));
        using var delayed = await op.PostAsJsonAsync($"/api/orders/{orderId}/delay", new { reason = "Number porting from the old operator is late", newDate = "2026-04-10" });
        var body = await Http.JsonAsync(delayed);
        Assert.Equal("Delayed", body.GetProperty("status").GetString());
        Assert.Equal("2026-04-10", body.GetProperty("delayedUntil").GetString());

        var mail = await smtp.NextMessageAsync();
        Assert.Equal("fay@fox.test", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Fox NV", mail.Subject, StringComparison.Ordinal);
        var text = mail.TextBody ?? "";
        Assert.Contains("planned date of 23 March 2026", text, StringComparison.Ordinal);
        Assert.Contains("New date: 10 April 2026", text, StringComparison.Ordinal);
        Assert.Contains("Reason: Number porting from the old operator is late", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DelayOrder_MailServerDown_DelayStillRecordedAndTheFailureAudited()
    {
        var closedPort = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closedPort.Start();
        var port = ((IPEndPoint)closedPort.LocalEndpoint).Port;
        closedPort.Stop(); // nobody listens there any more: the connection is refused
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?> { ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var customer = await Scenario.CustomerAsync(app, "Fox NV", "Classic", [], "+3222101010", "fay@fox.test");
        using var op = Http.WithToken(app, await Scenario.TokenAsync(app, (await Scenario.OperatorAsync(app)).UserId));
        var order = await Http.JsonAsync(await op.PostAsJsonAsync("/api/orders", new
        {
            customerId = customer.CustomerId, formula = "Outbound", contact = new { name = "Fay", email = "fay@fox.test" },
            authorisedPersons = new[] { new { name = "Fay", email = "fay@fox.test", isAdministrator = true } },
        }));

        using var delayed = await op.PostAsJsonAsync($"/api/orders/{order.GetProperty("id").GetString()}/delay", new { reason = "Porting is late", newDate = "2026-04-10" });

        Assert.Equal(HttpStatusCode.OK, delayed.StatusCode);
        Assert.Equal("Delayed", (await Http.JsonAsync(delayed)).GetProperty("status").GetString());
        var audit = await op.GetFromJsonAsync<JsonElement>($"/api/customers/{customer.CustomerId}/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "order.delay-notice.failed");
    }

    [GeneratedRegex(@"One-time password: (\S+)")]
    private static partial Regex OneTimePasswordLine();

    [GeneratedRegex(@"User name: (\S+)")]
    private static partial Regex UserNameLine();
}
