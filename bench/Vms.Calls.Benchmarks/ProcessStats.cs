using System.Globalization;

namespace Vms.Calls.Benchmarks;

/// <summary>Resident memory and CPU time of a process, read from /proc (Linux).</summary>
internal readonly record struct ProcessStats(long RssKib, double CpuSeconds)
{
    public static ProcessStats? Read(int pid)
    {
        try
        {
            long rss = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line.AsSpan(6).Trim().ToString().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }

            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // after the command: state(0) ppid(1) ... utime is field 14 of the whole line = index 11 here, stime index 12
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new ProcessStats(rss, ticks / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
