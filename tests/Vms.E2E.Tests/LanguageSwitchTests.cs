using Microsoft.Playwright;
using Vms.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vms.E2E.Tests;

/// <summary>NFR5: the portal in English, French and Dutch, chosen with the language switch.</summary>
[Collection(PortalTests.Name)]
public sealed class LanguageSwitchTests(PortalFixture fixture)
{
    [Fact]
    public async Task LanguageSwitch_FrenchThenDutch_SignInAndLivePagesFollow()
    {
        await using var page = await PortalPage.OpenAsync(fixture.Browser, fixture.Server);
        await page.GotoAsync("/account/login");
        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("Sign in");

        await page.ClickAsync("lang-fr");
        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("Se connecter");
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");

        // The choice is kept through sign-in and applies to the live (interactive) pages.
        await page.TestId("username").FillAsync(PortalServer.AdminUser);
        await page.TestId("password").FillAsync(PortalServer.AdminPassword);
        await page.ClickAsync("signin");
        await page.WaitForPathAsync("/ops/customers");
        await page.WaitInteractiveAsync();
        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("Clients");
        await Expect(page.TestId("nav")).ToContainTextAsync("Commandes");

        await page.ClickAsync("lang-nl");
        await page.WaitForPathAsync("/ops/customers");
        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("Klanten");
        await Expect(page.TestId("nav")).ToContainTextAsync("Bestellingen");
        await Expect(page.TestId("sign-out")).ToHaveTextAsync("Afmelden");

        await page.ClickAsync("lang-en");
        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("Customers");
    }

    [Fact]
    public async Task WrongPassword_InDutch_ShowsDutchRefusal()
    {
        await using var page = await PortalPage.OpenAsync(fixture.Browser, fixture.Server);
        await page.GotoAsync("/account/login");
        await page.ClickAsync("lang-nl");
        await page.TestId("username").FillAsync(PortalServer.AdminUser);
        await page.TestId("password").FillAsync("certainly-not-the-password");
        await page.ClickAsync("signin");
        await Expect(page.TestId("signin-error")).ToHaveTextAsync("Onbekende gebruikersnaam of verkeerd wachtwoord.");
    }
}
