namespace Vms.Media.Tests.TestSupport;

internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    /// <summary>The shared test vectors: VMS_TESTDATA (set by test.sh) or ../shared/testdata beside the clone.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable("VMS_TESTDATA") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : System.IO.Path.Combine(RepoRoot, "..", "shared", "testdata");

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Folder, .. parts]);

    public static byte[] Read(params string[] parts) => File.ReadAllBytes(Path(parts));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Vms.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Vms.slnx not found above " + AppContext.BaseDirectory);
    }
}
