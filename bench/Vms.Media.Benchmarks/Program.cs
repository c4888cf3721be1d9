using BenchmarkDotNet.Running;
using Vms.Media.Benchmarks;

// dotnet run -c Release --project bench/Vms.Media.Benchmarks -- --filter '*'   (BenchmarkDotNet, short jobs)
// dotnet run -c Release --project bench/Vms.Media.Benchmarks -- load 1000 20 [record]  (loopback relay load: calls, seconds)
// dotnet run -c Release --project bench/Vms.Media.Benchmarks -- players 2000 20  (concurrent prompt players on loopback)
if (args.Length >= 1 && args[0] == "load")
{
    var calls = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    var seconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
    return await RelayLoadTest.RunAsync(calls, seconds, args.Contains("record"));
}

if (args.Length >= 1 && args[0] == "players")
{
    var players = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
    var seconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
    return await PlayerLoadTest.RunAsync(players, seconds);
}

BenchmarkSwitcher.FromAssembly(typeof(G711Benchmarks).Assembly).Run(args);
return 0;
