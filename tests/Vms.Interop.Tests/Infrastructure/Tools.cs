namespace Vms.Interop.Tests.Infrastructure;

/// <summary>Finds the external tools the interop tests drive; a missing tool fails the test with a clear message.</summary>
public static class Tools
{
    private static readonly string[] Folders = ["/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"];

    /// <summary>The full path of a tool, or an exception telling how to install it.</summary>
    public static string Require(string name, string debianPackage)
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(':') ?? [];
        foreach (var folder in path.Concat(Folders))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"'{name}' is not installed (Debian package '{debianPackage}'); ./test.sh installs it.");
    }

    /// <summary>The repository root (the folder holding Vms.slnx).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vms.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Vms.slnx not found above " + AppContext.BaseDirectory);
    }
}
