using System.Globalization;
using BenchmarkDotNet.Running;
using Vms.Sip.Benchmarks;

// dotnet run -c Release -- uas <port>      : minimal VMS UAS for bench/sipp/load.sh
// dotnet run -c Release -- --filter '*'    : BenchmarkDotNet parser/serializer benchmarks (short job)
if (args.Length >= 1 && args[0] == "uas")
{
    await LoadUas.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5080);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(args);
