using System.Text.RegularExpressions;
using Vms.Server.Resources;

namespace Vms.E2E.Tests;

/// <summary>NFR5: every text of the portal's core pages has its French and Dutch (no page falls back to English).</summary>
public sealed partial class TranslationCoverageTests
{
    private static readonly string[] PortalFolders =
    [
        "src/Vms.Server/Components/Layout",
        "src/Vms.Server/Components/Shared",
        "src/Vms.Server/Components/Pages/Account",
        "src/Vms.Server/Components/Pages/Operator",
        "src/Vms.Server/Components/Pages/Customer",
    ];

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    public void PortalPages_EveryText_HasTranslation(string language)
    {
        var root = RepoRoot();
        var texts = PortalFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.razor", SearchOption.AllDirectories))
            .SelectMany(file => TextKey().Matches(File.ReadAllText(file)).Select(m => m.Groups["text"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(texts);
        var missing = texts.Where(t => !PortalText.HasTranslation(t, language)).ToList();
        Assert.True(missing.Count == 0, $"Texts without a '{language}' translation: {string.Join(" | ", missing)}");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vms.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Vms.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""T(?:\[|\.Format\()"(?<text>[^"]+)"[\],]""")]
    private static partial Regex TextKey();
}
