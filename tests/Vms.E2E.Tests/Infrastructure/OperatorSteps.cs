using static Microsoft.Playwright.Assertions;

namespace Vms.E2E.Tests.Infrastructure;

/// <summary>What the operator does in the back office, step by step as a person would.</summary>
internal static class OperatorSteps
{
    public sealed record Person(string Name, string Email, bool IsAdministrator);

    /// <summary>Creates a customer from the Customers page and fills and submits its first order.</summary>
    public static async Task CreateCustomerAndOrderAsync(
        PortalPage page, string customerName, string formula, IReadOnlyList<string> options, IReadOnlyList<Person> persons, string number)
    {
        await page.GotoAsync("/ops/customers");
        await page.WaitInteractiveAsync();
        await page.FillAsync("new-customer-name", customerName);
        await page.ClickAsync("create-customer");
        await page.WaitForPathAsync(@"/ops/orders/new\?customer=");
        await Expect(page.TestId("customer").Locator("option:checked")).ToHaveTextAsync(customerName);

        await page.SelectAsync("formula", formula);
        foreach (var option in options)
        {
            await page.TestId($"option-{option}").CheckAsync();
        }

        await page.FillAsync("contact-name", "Chris Contact");
        await page.FillAsync("contact-email", "chris.contact@" + Domain(customerName));
        for (var i = 0; i < persons.Count; i++)
        {
            if (i > 0)
            {
                await page.ClickAsync("add-person");
            }

            await page.FillAsync($"person-name-{i}", persons[i].Name);
            await page.FillAsync($"person-email-{i}", persons[i].Email);
            await page.TestId($"person-admin-{i}").SetCheckedAsync(persons[i].IsAdministrator);
        }

        await page.FillAsync("number-0", number);
        await page.ClickAsync("submit-order");
        await page.WaitForPathAsync(@"/ops/orders/[0-9a-f-]{36}$");
        await Expect(page.TestId("order-status")).ToHaveTextAsync("Submitted");
    }

    public static string Domain(string customerName) =>
        new string([.. customerName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]) + ".example";
}
