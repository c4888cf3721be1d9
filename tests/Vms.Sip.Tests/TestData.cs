namespace Vms.Sip.Tests;

/// <summary>Locates ../shared/testdata relative to the repository root (the folder holding Vms.slnx).</summary>
internal static class TestData
{
    public static string Folder(string name)
    {
        // test.sh sets VMS_TESTDATA to the shared vectors wherever the clone sits.
        if (Environment.GetEnvironmentVariable("VMS_TESTDATA") is { Length: > 0 } fromEnvironment)
        {
            var shared = Path.Combine(fromEnvironment, name);
            return Directory.Exists(shared) ? shared : throw new DirectoryNotFoundException("Test vectors missing: " + shared);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vms.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("Repository root (Vms.slnx) not found from " + AppContext.BaseDirectory);
        }

        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "testdata", name));
        return Directory.Exists(path) ? path : throw new DirectoryNotFoundException("Test vectors missing: " + path);
    }
}
