using System.Reflection;

namespace Vms.Architecture.Tests;

/// <summary>
/// The arrows of ARCHITECTURE.md: Server → {Telephony, Domain, Data}; Telephony → {Sip, Media}; Data → Domain;
/// Domain never references SIP, EF Core or ASP.NET; Sip and Media reference nothing of VMS. Checked by reflection
/// over the references compiled into each assembly. A project that does not exist yet is skipped.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly string[] VmsAssemblies =
        ["Vms.Sip", "Vms.Media", "Vms.Telephony", "Vms.Domain", "Vms.Data", "Vms.Data.Sqlite", "Vms.Data.Postgres", "vms"];

    public static TheoryData<string, string[]> AllowedVmsReferences => new()
    {
        { "Vms.Sip", [] },
        { "Vms.Media", [] },
        { "Vms.Telephony", ["Vms.Sip", "Vms.Media"] },
        { "Vms.Domain", [] },
        { "Vms.Data", ["Vms.Domain"] },
        { "Vms.Data.Sqlite", ["Vms.Data", "Vms.Domain"] },
        { "Vms.Data.Postgres", ["Vms.Data", "Vms.Domain"] },
        { "vms", ["Vms.Sip", "Vms.Media", "Vms.Telephony", "Vms.Domain", "Vms.Data", "Vms.Data.Sqlite", "Vms.Data.Postgres"] },
    };

    [Theory]
    [MemberData(nameof(AllowedVmsReferences))]
    public void Assembly_ReferencesOnlyTheVmsAssembliesItsArrowsAllow(string assembly, string[] allowed)
    {
        var references = ReferencesOf(assembly);
        if (references is null)
        {
            return; // the project does not exist (yet)
        }

        var forbidden = references.Where(r => VmsAssemblies.Contains(r, StringComparer.Ordinal) && !allowed.Contains(r, StringComparer.Ordinal)).ToList();
        Assert.True(forbidden.Count == 0, $"{assembly} references {string.Join(", ", forbidden)}");
    }

    [Theory]
    [InlineData("Vms.Domain", "Microsoft.EntityFrameworkCore")]
    [InlineData("Vms.Domain", "Microsoft.AspNetCore")]
    [InlineData("Vms.Domain", "Npgsql")]
    [InlineData("Vms.Domain", "Microsoft.Data.Sqlite")]
    [InlineData("Vms.Sip", "Microsoft.AspNetCore")]
    [InlineData("Vms.Media", "Microsoft.AspNetCore")]
    [InlineData("Vms.Telephony", "Microsoft.EntityFrameworkCore")]
    [InlineData("Vms.Data", "Microsoft.AspNetCore")]
    public void Assembly_NeverReferencesTheFramework(string assembly, string frameworkPrefix)
    {
        var references = ReferencesOf(assembly);
        if (references is null)
        {
            return;
        }

        var found = references.Where(r => r.StartsWith(frameworkPrefix, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"{assembly} references {string.Join(", ", found)}");
    }

    [Fact]
    public void CoreAssemblies_ArePresent()
    {
        foreach (var name in new[] { "Vms.Domain", "Vms.Data", "Vms.Data.Sqlite", "Vms.Data.Postgres", "vms" })
        {
            Assert.NotNull(ReferencesOf(name));
        }
    }

    private static List<string>? ReferencesOf(string assembly)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        if (!File.Exists(path))
        {
            return null;
        }

        var name = AssemblyName.GetAssemblyName(path);
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name))
            ?? Assembly.LoadFrom(path);
        return [.. loaded.GetReferencedAssemblies().Select(r => r.Name!)];
    }
}
