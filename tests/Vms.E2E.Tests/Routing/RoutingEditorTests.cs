using Vms.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vms.E2E.Tests.Routing;

/// <summary>
/// Issue 5 in a real browser: a customer admin builds "weekdays 8–18 forward to the office, no answer after 20 s →
/// mobile, busy → announcement; otherwise announcement", uploads its prompts, publishes, and the simulator shows the
/// expected path for a Saturday call and a Monday no-answer call.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class RoutingEditorTests(PortalFixture fixture)
{
    private const string OfficeTree = """
    {
      "schemaVersion": 1, "root": "hours",
      "nodes": [
        { "id": "hours", "type": "time", "rules": [ { "label": "Weekdays 8-18", "days": ["mon","tue","wed","thu","fri"], "from": "08:00", "to": "18:00", "next": "office" } ], "holiday": "closed", "otherwise": "closed" },
        { "id": "office", "type": "forward", "label": "Office", "number": "02 555 77 88", "ringTimeoutSeconds": 20, "onBusy": "busyMsg", "onNoAnswer": "mobile", "onFailed": "mobile" },
        { "id": "mobile", "type": "forward", "label": "Mobile", "number": "0475 12 34 56", "default": "closed" },
        { "id": "busyMsg", "type": "announcement", "prompt": "busy" },
        { "id": "closed", "type": "announcement", "prompt": "closed" }
      ]
    }
    """;

    [Fact]
    public async Task CustomerAdmin_BuildsPublishesAndSimulates_OfficeHoursTree()
    {
        var userName = await RoutingCustomer.CreateAsync(fixture.Server, "Routing Bakery", "02 555 66 77");
        await using var page = await PortalPage.OpenAsync(fixture.Browser, fixture.Server);
        await page.SignInAsync(userName, RoutingCustomer.Password);
        await page.WaitForPathAsync("/my/");

        // Prompts first (converted from a 16 kHz stereo WAV), then a new tree.
        await page.GotoAsync("/routing");
        await page.WaitInteractiveAsync();
        var wav = Path.Combine(fixture.Server.DataDirectory, "prompt.wav");
        await File.WriteAllBytesAsync(wav, Wav());
        foreach (var prompt in new[] { "busy", "closed" })
        {
            await page.FillAsync("prompt-name", prompt);
            await page.TestId("prompt-file").SetInputFilesAsync(wav);
            await page.ClickAsync("upload-prompt");
            await Expect(page.TestId("prompts")).ToContainTextAsync(prompt);
        }

        await page.FillAsync("new-tree-name", "Office hours");
        await page.ClickAsync("create-tree");
        await page.WaitForPathAsync("/routing/[0-9a-f-]{36}$");
        await page.WaitInteractiveAsync();

        // Build the tree, save the draft: valid; its structure is shown.
        await page.TestId("tree-json").FillAsync(OfficeTree);
        await page.ClickAsync("save-draft");
        await Expect(page.TestId("message")).ToContainTextAsync("The tree is valid.");
        await Expect(page.TestId("tree-node-mobile").First).ToContainTextAsync("Mobile");

        // Publish.
        await page.ClickAsync("publish");
        await Expect(page.TestId("message")).ToContainTextAsync("Published version");
        await Expect(page.TestId("version-state-1")).ToHaveTextAsync("Published");

        // Saturday 14:05 → closed announcement.
        await page.FillAsync("sim-when", "2026-11-28T14:05");
        await page.ClickAsync("simulate");
        await Expect(page.TestId("sim-path")).ToContainTextAsync("closed: Play 'closed'");
        await Expect(page.TestId("sim-explanation")).ToContainTextAsync("Sat 2026-11-28 14:05");

        // Monday 10:00, the office does not answer → mobile.
        await page.FillAsync("sim-when", "2026-11-30T10:00");
        await page.TestId("sim-outcome-office").SelectOptionAsync("noAnswer");
        await page.ClickAsync("simulate");
        await Expect(page.TestId("sim-step")).ToHaveCountAsync(2);
        await Expect(page.TestId("sim-path")).ToContainTextAsync("mobile: Forward to +32475123456");
        await Expect(page.TestId("sim-end")).ToHaveTextAsync("Connected");
        await Expect(page.TestId("sim-explanation")).ToContainTextAsync("no answer → 'Mobile'");
    }

    [Fact]
    public async Task CustomerAdmin_InvalidTree_PublishRefusedWithPointers()
    {
        var userName = await RoutingCustomer.CreateAsync(fixture.Server, "Routing Garage", "02 555 66 78");
        await using var page = await PortalPage.OpenAsync(fixture.Browser, fixture.Server);
        await page.SignInAsync(userName, RoutingCustomer.Password);
        await page.WaitForPathAsync("/my/");
        await page.GotoAsync("/routing");
        await page.WaitInteractiveAsync();
        await page.FillAsync("new-tree-name", "Broken");
        await page.ClickAsync("create-tree");
        await page.WaitForPathAsync("/routing/[0-9a-f-]{36}$");
        await page.WaitInteractiveAsync();

        await page.TestId("tree-json").FillAsync("""{ "root": "a", "nodes": [ { "id": "a", "type": "forward", "number": "02 12" } ] }""");
        await page.ClickAsync("save-draft");
        await Expect(page.TestId("problems")).ToContainTextAsync("/nodes/0/number");
        await page.ClickAsync("publish");
        await Expect(page.TestId("problems")).ToContainTextAsync("/nodes/0/onBusy");
    }

    private static byte[] Wav()
    {
        using var stream = new MemoryStream();
        using (var writer = new Vms.Media.Wav.WavWriter(stream, new Vms.Media.Wav.WavFormat(1, Vms.Media.Wav.WavEncoding.Pcm, 2, 16000, 16, 4), ownsStream: false))
        {
            writer.Write(new byte[16000 * 4 / 2]);
        }

        return stream.ToArray();
    }
}
