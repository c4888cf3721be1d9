using System.Globalization;
using BenchmarkDotNet.Running;
using Vms.Media.Benchmarks;

// dotnet run -c Release --project bench/Vms.Media.Benchmarks -- --filter '*'   (BenchmarkDotNet, short jobs)
// dotnet run -c Release --project bench/Vms.Media.Benchmarks -- load 1000 10 [record] [inband] [rx=N] [poll=µs] [nice=N] [rt=P] [ref=S] [gen=G]
//     loopback relay load: calls, seconds; rx = VMS receive threads (0 auto, -1 thread pool), poll = pause
//     between polls of a busy receive thread in µs (default 50, 0 = always block in epoll_wait), nice = nice value
//     of the receive threads (default 0; e.g. -10 as root), rt = SCHED_RR priority of the receive threads (default 0 =
//     normal scheduling; e.g. 10 as root), ref = seconds through the null
//     relay first (default 5, 0 to skip), gen = generator sockets (default 4), inband = phones without
//     telephone-event (VMS then runs in-band DTMF detection on every packet)
// dotnet run -c Release --project bench/Vms.Media.Benchmarks -- players 2000 10  (concurrent prompt players on loopback)
int Option(string name, int fallback) =>
    args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal)) is { } a ? int.Parse(a[(name.Length + 1)..], CultureInfo.InvariantCulture) : fallback;

if (args.Length >= 1 && args[0] == "load")
{
    var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
    var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
    return await RelayLoadTest.RunAsync(calls, seconds, args.Contains("record"), args.Contains("inband"), Option("rx", 0), Option("poll", 50), Option("nice", 0), Option("rt", 0), Option("ref", 5), Option("gen", 4));
}

if (args.Length >= 1 && args[0] == "players")
{
    var players = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
    var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
    return await PlayerLoadTest.RunAsync(players, seconds, Option("rx", 0));
}

BenchmarkSwitcher.FromAssembly(typeof(G711Benchmarks).Assembly).Run(args);
return 0;
