using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vms.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vms.E2E.Tests;

/// <summary>The whole path of issue 2, in a real browser against the real server.</summary>
[Collection(PortalTests.Name)]
public sealed partial class PortalWalkthroughTests(PortalFixture fixture)
{
    [Fact]
    public async Task ClassicOrder_ActivatedThenAdminSignsIn_AdminChangesPasswordAndCreatesSupervisor()
    {
        await using var page = await PortalPage.OpenAsync(fixture.Browser, fixture.Server);

        // The operator signs in and lands in the back office.
        await page.SignInAsync(PortalServer.AdminUser, PortalServer.AdminPassword);
        await page.WaitForPathAsync("/ops/customers");

        // An order for a Classic customer with ACM and recording.
        var admin = new OperatorSteps.Person("Alice Admin", "alice@brasserie.example", true);
        var supervisor = new OperatorSteps.Person("Bob Supervisor", "bob@brasserie.example", false);
        await OperatorSteps.CreateCustomerAndOrderAsync(
            page, "Brasserie Classic", "Classic", ["AgentContactManagement", "VoiceRecording"], [admin, supervisor], "02 555 12 34");

        // Activation sends the welcome e-mail to the administrator through the real SMTP server.
        await page.ClickAsync("activate");
        await Expect(page.TestId("order-status")).ToHaveTextAsync("Activated");
        await Expect(page.TestId("mail-sent")).ToBeVisibleAsync();
        await page.SnapshotAsync("order-activated");
        var mail = await fixture.Server.Smtp.WaitForMessageToAsync(admin.Email, TimeSpan.FromSeconds(10));
        var body = mail.TextBody ?? "";
        var userName = UserNameLine().Match(body).Groups[1].Value.Trim();
        var oneTimePassword = PasswordLine().Match(body).Groups[1].Value.Trim();
        Assert.False(string.IsNullOrEmpty(userName), "No user name in the welcome e-mail:\n" + body);
        Assert.False(string.IsNullOrEmpty(oneTimePassword), "No one-time password in the welcome e-mail:\n" + body);

        // Later the customer orders the statistics portal: a new contract version, the first one kept (F4).
        await page.ClickAsync("order-customer");
        await page.WaitForPathAsync("/ops/customers/");
        await page.TestId("contract-option-StatisticsPortal").CheckAsync();
        await page.FillAsync("contract-reason", "Statistics ordered");
        await page.ClickAsync("contract-save");
        await Expect(page.TestId("contract-history").Locator("tbody tr")).ToHaveCountAsync(2);
        await page.SignOutAsync();

        // The customer administrator signs in with the one-time password and must change it first.
        await page.SignInAsync(userName, oneTimePassword);
        await page.WaitForPathAsync("/account/change-password");
        await Expect(page.TestId("must-change")).ToBeVisibleAsync();
        await page.SnapshotAsync("change-password");
        await page.GotoAsync("/my/users");
        await page.WaitForPathAsync("/account/change-password");
        const string newPassword = "Brasserie-Chosen-2026!";
        await page.TestId("current-password").FillAsync(oneTimePassword);
        await page.TestId("new-password").FillAsync(newPassword);
        await page.TestId("confirm-password").FillAsync(newPassword);
        await page.ClickAsync("change-password");
        await page.WaitForPathAsync("/my/contract");
        await Expect(page.TestId("formula-now")).ToHaveTextAsync("Classic");
        await Expect(page.TestId("entitlement-VoiceRecording")).ToContainTextAsync("Yes");
        await Expect(page.TestId("entitlement-StatisticsPortal")).ToContainTextAsync("Yes");
        await Expect(page.TestId("entitlement-StandardChanges")).ToContainTextAsync("No");
        await page.SnapshotAsync("my-contract");

        // The administrator creates the supervisor's account (an authorised person named on the order).
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await page.WaitForPathAsync("/my/users");
        // The candidates arrive once the interactive page has loaded them: wait for the option, then choose it.
        await Expect(page.TestId("new-user-person").Locator("option", new() { HasText = supervisor.Email })).ToHaveCountAsync(1);
        await page.TestId("new-user-person").SelectOptionAsync(new SelectOptionValue { Label = $"{supervisor.Name} ({supervisor.Email})" });
        await page.TestId("new-user-person").DispatchEventAsync("change");
        await page.TestId("new-user-profile-supervisor").CheckAsync();
        await page.ClickAsync("create-user");
        await Expect(page.TestId("user-created")).ToBeVisibleAsync();
        await Expect(page.TestId("one-time-password")).Not.ToBeEmptyAsync();
        await Expect(page.TestId($"user-{supervisor.Email}")).ToContainTextAsync("supervisor");
        await page.SnapshotAsync("my-users");

        // The operator's support profiles are there, read-only for the customer.
        await page.GotoAsync("/my/profiles");
        await Expect(page.TestId("profile-BGC-ADMIN").GetByTestId("read-only")).ToBeVisibleAsync();
        await Expect(page.TestId("profile-BGC-ADMIN").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await page.SnapshotAsync("my-profiles");
    }

    [Fact]
    public async Task VoiceContinuityOrder_Activated_WelcomeLetterPdfDownloads()
    {
        await using var page = await PortalPage.OpenAsync(fixture.Browser, fixture.Server);
        await page.SignInAsync(PortalServer.AdminUser, PortalServer.AdminPassword);
        await page.WaitForPathAsync("/ops/customers");

        await OperatorSteps.CreateCustomerAndOrderAsync(
            page, "Bakery Continuity", "VoiceContinuity", [], [new("Vera Admin", "vera@bakery.example", true)], "09 222 33 44");

        // Late: the operator records why and the new date (IMP2), then activates.
        var newDate = DateOnly.FromDateTime(fixture.Server.Clock.GetUtcNow().UtcDateTime).AddDays(30);
        await page.ClickAsync("delay");
        await Expect(page.Page.Locator(".validation-message")).Not.ToHaveCountAsync(0);
        await page.FillAsync("delay-reason", "Waiting for the number port from the previous operator");
        await page.FillAsync("delay-date", newDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("delay");
        await Expect(page.TestId("order-status")).ToHaveTextAsync("Delayed");
        await Expect(page.TestId("delayed-until")).ToBeVisibleAsync();
        await page.ClickAsync("activate");
        await Expect(page.TestId("order-status")).ToHaveTextAsync("Activated");

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.ClickAsync("letter-download"));
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 500, $"The letter has {bytes.Length} bytes.");
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.DoesNotContain(fixture.Server.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "vera@bakery.example"));
    }

    [Fact]
    public async Task OrderForm_InvalidInput_ShowsEveryRefusalAndSavesNothing()
    {
        await using var page = await PortalPage.OpenAsync(fixture.Browser, fixture.Server);
        await page.SignInAsync(PortalServer.AdminUser, PortalServer.AdminPassword);
        await page.WaitForPathAsync("/ops/customers");
        await page.WaitInteractiveAsync();
        await page.FillAsync("new-customer-name", "Refused Corp");
        await page.ClickAsync("create-customer");
        await page.WaitForPathAsync(@"/ops/orders/new\?customer=");

        // An international 0800 number and a bad e-mail: both named, nothing saved.
        await page.FillAsync("contact-name", "Someone");
        await page.FillAsync("contact-email", "someone@refused.example");
        await page.FillAsync("person-name-0", "Admin Person");
        await page.FillAsync("person-email-0", "not-an-email");
        await page.FillAsync("number-0", "+800 1234 5678");
        await page.ClickAsync("submit-order");
        await Expect(page.TestId("form-errors")).ToBeVisibleAsync();
        await Expect(page.Page.Locator(".validation-message")).Not.ToHaveCountAsync(0);
        await page.FillAsync("person-email-0", "admin@refused.example");
        await page.ClickAsync("submit-order");
        await Expect(page.TestId("form-errors")).ToContainTextAsync("0800");
        Assert.EndsWith("/ops/orders/new", new Uri(page.Page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"User name:\s*(\S+)")]
    private static partial Regex UserNameLine();

    [GeneratedRegex(@"One-time password:\s*(\S+)")]
    private static partial Regex PasswordLine();
}
