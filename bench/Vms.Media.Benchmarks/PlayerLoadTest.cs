using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vms.Media.Playback;

namespace Vms.Media.Benchmarks;

/// <summary>
/// Concurrent prompt players on loopback: N sessions all paced by the one media clock, each playing a cached
/// prompt to one sink socket on 127.0.0.1. Reports packets received against the 50 packets/s per player
/// expected, CPU and memory per player. Stops by itself.
/// </summary>
internal static class PlayerLoadTest
{
    public static async Task<int> RunAsync(int players, int seconds)
    {
        using var engine = new MediaEngine(new MediaEngineOptions { MinPort = 20000, MaxPort = 20000 + (2 * players) + 64 });
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 16 * 1024 * 1024 };
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sinkPort = ((IPEndPoint)sink.LocalEndPoint!).Port;
        var offer = Encoding.ASCII.GetBytes($"v=0\r\no=p 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {sinkPort} RTP/AVP 8\r\n");
        var prompt = Prompt.Tone("bench", 1000, TimeSpan.FromSeconds(seconds + 5));
        var sessions = new List<MediaSession>();
        for (var i = 0; i < players; i++)
        {
            var s = engine.CreateSession().Session ?? throw new InvalidOperationException("ports exhausted");
            s.AcceptOffer(offer);
            sessions.Add(s);
        }

        long received = 0;
        using var stop = new CancellationTokenSource();
        var receiver = Task.Run(async () =>
        {
            var buffer = new byte[2048];
            var from = new SocketAddress(AddressFamily.InterNetwork);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await sink.ReceiveFromAsync(buffer, SocketFlags.None, from, stop.Token);
                    received++;
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException)
                {
                    return;
                }
            }
        });
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var memoryBefore = process.WorkingSet64;
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var startTick = engine.Clock.Tick;
        var plays = sessions.Select(s => s.PlayAsync(prompt)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var ticks = engine.Clock.Tick - startTick;
        foreach (var s in sessions)
        {
            s.StopPlayback();
        }

        await Task.Delay(300);
        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / wall.Elapsed.TotalSeconds;
        var memory = process.WorkingSet64 - memoryBefore;
        await stop.CancelAsync();
        await receiver;
        var sent = sessions.Sum(s => s.Sender.PacketCount);
        var expected = (long)players * seconds * 50;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"players={players} seconds={seconds} clock ticks={ticks} (expected {seconds * 50})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"expected≈{expected} sent={sent} received={received} ({100.0 * received / Math.Max(1, expected):F1} % of expected)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu={cpu * 100:F0} % of one core = {cpu * 1000 / players:F3} ms CPU per player-second; working set growth {memory / 1024.0 / players:F1} KiB per player"));
        foreach (var s in sessions)
        {
            await s.DisposeAsync();
        }

        _ = plays;
        return 0;
    }
}
