using System.Globalization;
using System.Net;
using Vms.NetSim;

// vms-netsim: the operator's network on loopback.
//   dotnet run --project src/Vms.NetSim -- [--listen 127.0.0.1:5080] [--vms 127.0.0.1:5060]
//       [--phone +32470000002=busy ...] [--call CALLER CALLED SECONDS [DIGITS]]
// Without --call it answers as the destination phones until Ctrl+C (demo phones +32470000001..5 preset).
var options = new NetSimOptions();
foreach (var (number, behaviour) in PhoneBehaviour.DemoPhones)
{
    options.Phones[number] = behaviour;
}

string[]? call = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--listen" when i + 1 < args.Length:
            options.Listen = IPEndPoint.Parse(args[++i]);
            break;
        case "--vms" when i + 1 < args.Length:
            options.Vms = IPEndPoint.Parse(args[++i]);
            break;
        case "--phone" when i + 1 < args.Length:
            var (num, text) = (args[++i].Split('=')[0], args[i].Split('=').ElementAtOrDefault(1) ?? "");
            options.Phones[num] = PhoneBehaviour.Parse(text) ?? throw new ArgumentException("unknown behaviour " + text);
            break;
        case "--call" when i + 3 < args.Length:
            call = args[(i + 1)..Math.Min(args.Length, i + 5)];
            i += call.Length;
            break;
        default:
            Console.Error.WriteLine("unknown argument " + args[i]);
            return 2;
    }
}

await using var sim = new NetworkSimulator(options);
sim.Start();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

if (call is not null)
{
    var result = await sim.PlaceCallAsync(call[0], call[1], TimeSpan.FromSeconds(double.Parse(call[2], CultureInfo.InvariantCulture)), call.ElementAtOrDefault(3), stop.Token);
    foreach (var line in sim.RecentEvents)
    {
        Console.WriteLine(line);
    }

    Console.WriteLine($"result: {result.FinalStatus} {result.Reason}, answered={result.Answered}, setup={result.SetupTime.TotalMilliseconds:F0} ms");
    return result.Answered || result.FinalStatus is >= 400 ? 0 : 1;
}

Console.WriteLine($"netsim listening on {sim.LocalEndPoint}; Ctrl+C to stop");
var stopped = new TaskCompletionSource();
using (stop.Token.Register(() => stopped.TrySetResult()))
{
    await stopped.Task;
}

return 0;
