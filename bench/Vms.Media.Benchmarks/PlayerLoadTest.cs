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
    public static async Task<int> RunAsync(int players, int seconds, int receiveThreads)
    {
        using var engine = new MediaEngine(new MediaEngineOptions { MinPort = 20000, MaxPort = 20000 + (2 * players) + 64, ReceiveThreads = receiveThreads });
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 * 1024 * 1024, ReceiveTimeout = 100 };
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
        var stop = false;
        var fd = (int)sink.SafeHandle.DangerousGetHandle();
        var receiver = new Thread(() =>
        {
            // Its own thread, polling every ~200 µs with non-blocking recvmmsg: a blocked sink would have to be
            // woken by every send, charging an inter-processor wake-up to the media clock thread per packet.
            var batch = new MessageBatch(64, 2048, withControl: false);
            while (!Volatile.Read(ref stop))
            {
                for (var i = 0; i < batch.Capacity; i++)
                {
                    batch.PrepareReceive(i);
                }

                var n = BenchNative.RecvMmsg(fd, batch.Address, (uint)batch.Capacity, BenchNative.MsgDontWait, 0);
                if (n > 0)
                {
                    Interlocked.Add(ref received, n);
                }
                else
                {
                    _ = BenchNative.USleep(200);
                }
            }
        })
        { IsBackground = true, Name = "gen-rx-sink" };
        receiver.Start();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var memoryBefore = process.WorkingSet64;
        var plays = sessions.Select(s => s.PlayAsync(prompt)).ToList();
        await Task.Delay(1000); // every player started and running before the window opens

        var cpuBefore = process.TotalProcessorTime;
        var threadsBefore = ThreadCpu.Snapshot();
        var sentBefore = sessions.Sum(s => s.Sender.PacketCount);
        var receivedBefore = Interlocked.Read(ref received);
        var ticksBefore = engine.Clock.Tick;
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var ticks = engine.Clock.Tick - ticksBefore;
        var sent = sessions.Sum(s => s.Sender.PacketCount) - sentBefore;
        var elapsed = wall.Elapsed.TotalSeconds;
        await Task.Delay(100); // the last packets of the window reach the sink
        var got = Interlocked.Read(ref received) - receivedBefore;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / elapsed;
        var memory = process.WorkingSet64 - memoryBefore;
        var threads = ThreadCpu.Delta(threadsBefore, ThreadCpu.Snapshot(), elapsed);
        foreach (var s in sessions)
        {
            s.StopPlayback();
        }

        Volatile.Write(ref stop, true);
        receiver.Join();
        var dueTicks = elapsed * 50;
        var expected = (long)(players * dueTicks);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"players={players} window={elapsed:F2} s clock ticks={ticks} (due {dueTicks:F0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"packets due={expected} sent={sent} ({100.0 * sent / Math.Max(1, expected):F2} % of due) received by the sink={got} ({100.0 * got / Math.Max(1, sent):F2} % of sent)"));
        Console.WriteLine("cpu by thread group: " + ThreadCpu.Format(threads) + " (the sink is gen-rx-sink, counted under generator; the media clock thread vms-media-clock: other)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loadavg={File.ReadAllText("/proc/loadavg").Trim()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu={cpu * 100:F0} % of one core (process) = {cpu * 1000 / players:F3} ms CPU per player-second; working set growth {memory / 1024.0 / players:F1} KiB per player"));
        foreach (var s in sessions)
        {
            await s.DisposeAsync();
        }

        _ = plays;
        return 0;
    }
}
