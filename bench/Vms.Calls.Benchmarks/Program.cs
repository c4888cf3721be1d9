using System.Diagnostics;
using System.Globalization;
using System.Net;
using Vms.Calls.Benchmarks;

// Concurrent established calls through VMS with media relayed both ways, RTP loss counted packet by packet.
//   dotnet run -c Release --project bench/Vms.Calls.Benchmarks -- media --vms 127.0.0.1:25060 --gateway-port 25070 \
//       --number +3222001001 --calls 500 --cps 50 --hold 30 --vms-pid <pid>
// VMS must use 127.0.0.1:<gateway-port> as its outbound gateway (Calls__Trunks__Gateway); this tool is both the
// callers (UAC on --caller-port) and the destination phones behind the gateway (UAS on --gateway-port).
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: media --vms host:port --gateway-port P [--caller-port P] [--number N] [--calls N] [--cps N] [--hold S] [--rtp-base P] [--vms-pid PID] [--metrics http://host:port/metrics]");
    return 2;
}

await using var bench = new MediaCallsBench(options);
return await bench.RunAsync();

/// <summary>Command-line settings of the media benchmark.</summary>
internal sealed record Options(IPEndPoint Vms, int GatewayPort, int CallerPort, string Number, int Calls, int Cps, int HoldSeconds, int RtpBase, int? VmsPid, Uri? Metrics)
{
    public static Options? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "media")
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string key, int fallback) => map.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        if (!map.TryGetValue("vms", out var vms) || !IPEndPoint.TryParse(vms, out var vmsEndPoint) || !map.ContainsKey("gateway-port"))
        {
            return null;
        }

        return new Options(vmsEndPoint, Int("gateway-port", 0), Int("caller-port", 25081), map.GetValueOrDefault("number", "+3222001001"),
            Int("calls", 500), Int("cps", 50), Int("hold", 30), Int("rtp-base", 20000), map.TryGetValue("vms-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            map.TryGetValue("metrics", out var metrics) ? new Uri(metrics) : null);
    }
}
