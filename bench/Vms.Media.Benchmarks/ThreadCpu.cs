using System.Globalization;

namespace Vms.Media.Benchmarks;

/// <summary>
/// CPU time per thread group from /proc/self/task/*/schedstat (ns, exact) grouped by thread name: VMS receive
/// threads (vms-rtp-rx-*), the recording writer (vms-rec-*), the generator (gen-*), the null relay (nullrelay-*)
/// and everything else (media clock timer, thread pool, GC, JIT).
/// </summary>
internal static class ThreadCpu
{
    public static Dictionary<string, long> Snapshot()
    {
        var groups = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!Directory.Exists("/proc/self/task"))
        {
            return groups;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                var ns = long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
                var group = name.StartsWith("vms-rtp-rx", StringComparison.Ordinal) ? "vms-rx"
                    : name.StartsWith("vms-rec", StringComparison.Ordinal) ? "vms-rec-writer"
                    : name.StartsWith("gen-", StringComparison.Ordinal) ? "generator"
                    : name.StartsWith("nullrelay", StringComparison.Ordinal) ? "null-relay"
                    : "other";
                groups[group] = groups.GetValueOrDefault(group) + ns;
            }
            catch (IOException)
            {
                // the thread ended
            }
        }

        return groups;
    }

    public static Dictionary<string, double> Delta(Dictionary<string, long> before, Dictionary<string, long> after, double seconds) =>
        after.ToDictionary(kv => kv.Key, kv => (kv.Value - before.GetValueOrDefault(kv.Key)) / 1e9 / seconds, StringComparer.Ordinal);

    public static string Format(Dictionary<string, double> cores) =>
        string.Join(", ", cores.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value * 100:F1} %")));
}
