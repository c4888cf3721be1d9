using System.Diagnostics;
using Vms.Domain.Routing.Evaluation;
using Vms.Domain.Routing.Json;

namespace Vms.Domain.Benchmarks;

/// <summary>`--quick`: rough Stopwatch timings of the phases of a snapshot rebuild (for profiling, not for figures).</summary>
internal static class QuickTimings
{
    public static void Run()
    {
        EvaluationCpuTime();
        ReadCpuTime();
        const int n = 5000;
        var jsons = Enumerable.Range(0, n).Select(BenchTrees.Small).ToArray();
        var bytes = jsons.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        foreach (var sample in new[]
        {
            """{"root":"a","nodes":[{"id":"a","type":"reject"}]}""",
            """{"root":"a","timeZone":"Europe/Brussels","nodes":[{"id":"a","type":"reject"}]}""",
            """{"root":"a","holidays":"none","nodes":[{"id":"a","type":"reject"}]}""",
            """{"root":"a","nodes":[{"id":"a","type":"time","rules":[{"days":["mon"],"from":"08:00","to":"18:00","next":"a"}],"otherwise":"a"}]}""",
            """{"root":"a","nodes":[{"id":"a","type":"forward","number":"+3222345678","default":"a"}]}""",
        })
        {
            var b = System.Text.Encoding.UTF8.GetBytes(sample);
            for (var i = 0; i < 2000; i++)
            {
                RoutingTreeJson.Read(b);
            }

            var s = Stopwatch.StartNew();
            for (var i = 0; i < 5000; i++)
            {
                RoutingTreeJson.Read(b);
            }

            Console.WriteLine($"{s.Elapsed.TotalMicroseconds / 5000:F1} µs  {sample[..40]}");
            s.Restart();
            for (var i = 0; i < 5000; i++)
            {
                var r = new System.Text.Json.Utf8JsonReader(b);
                using var d = System.Text.Json.JsonDocument.ParseValue(ref r);
            }

            Console.WriteLine($"  parse {s.Elapsed.TotalMicroseconds / 5000:F1} µs");
            s.Restart();
            for (var i = 0; i < 5000; i++)
            {
                TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Brussels", out _);
            }

            Console.WriteLine($"  tz {s.Elapsed.TotalMicroseconds / 5000:F1} µs");
        }

        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            var trees = bytes.Select(b => RoutingTreeJson.Read(b).Tree!).ToArray();
            var read = sw.Elapsed;
            sw.Restart();
            foreach (var tree in trees)
            {
                RoutePlanCompiler.Compile(tree);
            }

            var compile = sw.Elapsed;
            sw.Restart();
            foreach (var tree in trees)
            {
                TimeZoneInfo.TryFindSystemTimeZoneById(tree.TimeZone, out _);
            }

            var tz = sw.Elapsed;
            sw.Restart();
            foreach (var b in bytes)
            {
                using var doc = System.Text.Json.JsonDocument.Parse(b);
            }

            var parse = sw.Elapsed;
            sw.Restart();
            foreach (var tree in trees)
            {
                _ = tree.Nodes.SelectMany(x => x.References()).Count();
            }

            Console.WriteLine($"parse only {parse.TotalMicroseconds / n:F1} µs, graph {sw.Elapsed.TotalMicroseconds / n:F1} µs");
            Console.WriteLine($"per tree: read {read.TotalMicroseconds / n:F1} µs, compile {compile.TotalMicroseconds / n:F1} µs, tz lookup {tz.TotalMicroseconds / n:F1} µs");
        }
    }

    /// <summary>
    /// Evaluations per second of CPU time consumed by this process (immune to waiting for a busy core, unlike wall
    /// time): the single-threaded, allocation-free loop is almost all of the process's CPU time.
    /// </summary>
    private static void EvaluationCpuTime()
    {
        var bench = new EvaluationBenchmarks();
        bench.Setup();
        const int n = 300_000;
        for (var round = 0; round < 3; round++)
        {
            foreach (var (name, run) in new (string, Func<Vms.Domain.Routing.Evaluation.EndReason>)[] { ("200-node", bench.Evaluate), ("8-node", bench.EvaluateSmallTree) })
            {
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < n; i++)
                {
                    run();
                }

                process.Refresh();
                var used = process.TotalProcessorTime - cpu;
                Console.WriteLine($"{name}: {n / used.TotalSeconds:N0} evaluations per CPU-second ({used.TotalMicroseconds * 1000 / n:F0} ns CPU, {wall.Elapsed.TotalMicroseconds * 1000 / n:F0} ns wall), {GC.GetAllocatedBytesForCurrentThread() - allocated} B allocated");
            }
        }
    }

    private static void ReadCpuTime()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(BenchTrees.Small(7));
        const int n = 20_000;
        for (var round = 0; round < 2; round++)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            for (var i = 0; i < n; i++)
            {
                using var d = System.Text.Json.JsonDocument.Parse(bytes);
            }

            process.Refresh();
            var parse = process.TotalProcessorTime - cpu;
            cpu = process.TotalProcessorTime;
            Vms.Domain.Routing.Model.RoutingTree? tree = null;
            for (var i = 0; i < n; i++)
            {
                tree = RoutingTreeJson.Read(bytes).Tree;
            }

            process.Refresh();
            var read = process.TotalProcessorTime - cpu;
            cpu = process.TotalProcessorTime;
            for (var i = 0; i < n; i++)
            {
                RoutePlanCompiler.Compile(tree!);
            }

            process.Refresh();
            var compile = process.TotalProcessorTime - cpu;
            Console.WriteLine($"8-node tree CPU: parse {parse.TotalMicroseconds / n:F1} µs, read {read.TotalMicroseconds / n:F1} µs, compile {compile.TotalMicroseconds / n:F1} µs");
        }
    }
}
