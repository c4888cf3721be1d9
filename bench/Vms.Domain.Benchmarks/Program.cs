using BenchmarkDotNet.Running;
using Vms.Domain.Benchmarks;

if (args is ["--quick"])
{
    QuickTimings.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchTrees).Assembly).Run(args);
