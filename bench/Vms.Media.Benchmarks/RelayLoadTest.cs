using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vms.Media.Rtp;

namespace Vms.Media.Benchmarks;

/// <summary>
/// Concurrent relayed calls on loopback with real UDP: each call is two engine sessions bridged, a caller
/// socket and a callee socket each sending one 20 ms PCMA packet every 20 ms (50 packets/s each way). Every
/// packet carries its send time; the far socket measures end-to-end latency through the relay. Reports loss,
/// latency percentiles, CPU and memory per call. Traffic stays on 127.0.0.1 and stops after the given time.
/// </summary>
internal static class RelayLoadTest
{
    private const int BucketMicros = 10;
    private const int Buckets = 20000; // up to 200 ms

    public static async Task<int> RunAsync(int calls, int seconds, bool record)
    {
        var minPort = 20000;
        using var engine = new MediaEngine(new MediaEngineOptions { MinPort = minPort, MaxPort = minPort + (4 * calls) + 64 });
        var sessions = new List<MediaSession>();
        var endpoints = new List<Endpoint>();
        var histogram = new long[Buckets + 1];
        var recordings = new List<Recording.CallRecorder>();
        var folder = record ? Directory.CreateTempSubdirectory("vms-bench-rec-").FullName : null;
        long received = 0;
        using var stop = new CancellationTokenSource();
        for (var i = 0; i < calls; i++)
        {
            var a = engine.CreateSession().Session ?? throw new InvalidOperationException("ports exhausted");
            var b = engine.CreateSession().Session ?? throw new InvalidOperationException("ports exhausted");
            var caller = new Endpoint();
            var callee = new Endpoint();
            a.AcceptOffer(Offer(caller.Port));
            b.AcceptOffer(Offer(callee.Port));
            var bridge = a.Bridge(b);
            if (folder is not null)
            {
                recordings.Add(bridge.StartRecording(Path.Combine(folder, $"call-{i}.wav"), new Recording.RecordingOptions()));
            }
            caller.Target = new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort).Serialize();
            callee.Target = new IPEndPoint(IPAddress.Loopback, b.LocalRtpPort).Serialize();
            sessions.Add(a);
            sessions.Add(b);
            endpoints.Add(caller);
            endpoints.Add(callee);
        }

        foreach (var e in endpoints)
        {
            _ = e.ReceiveLoop(histogram, () => Interlocked.Increment(ref received), stop.Token);
        }

        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var memoryBefore = process.WorkingSet64;
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var wall = Stopwatch.StartNew();
        long sent = 0;
        var packet = new byte[172];
        var generator = new Thread(() =>
        {
            var next = Stopwatch.GetTimestamp();
            var period = Stopwatch.Frequency / 50;
            var end = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
            ushort seq = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                seq++;
                foreach (var e in endpoints)
                {
                    RtpHeader.WriteFixed(packet, false, 8, seq, (uint)(seq * 160), e.Ssrc);
                    BinaryPrimitives.WriteInt64LittleEndian(packet.AsSpan(12), Stopwatch.GetTimestamp());
                    e.Socket.SendTo(packet, SocketFlags.None, e.Target!);
                    sent++;
                }

                next += period;
                var wait = next - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    Thread.Sleep(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
                }
            }
        })
        { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        generator.Start();
        generator.Join();
        await Task.Delay(500); // let the last packets arrive
        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / wall.Elapsed.TotalSeconds;
        var memory = process.WorkingSet64 - memoryBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        await stop.CancelAsync();
        var got = Interlocked.Read(ref received);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"calls={calls} seconds={seconds} packets/s each way per call=50");
        sb.AppendLine(CultureInfo.InvariantCulture, $"sent={sent} received={got} lost={sent - got} ({100.0 * (sent - got) / Math.Max(1, sent):F3} %)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"achieved send rate={sent / (double)seconds / endpoints.Count:F1} packets/s per stream (target 50), {sent / (double)seconds:F0} packets/s in and out of the relay");
        sb.AppendLine(CultureInfo.InvariantCulture, $"latency end-to-end through relay: p50={Percentile(histogram, got, 0.50)} µs p99={Percentile(histogram, got, 0.99)} µs p99.9={Percentile(histogram, got, 0.999)} µs");
        sb.AppendLine(CultureInfo.InvariantCulture, $"cpu={cpu * 100:F0} % of one core (process, generator and receivers included) = {cpu * 1000 / calls:F2} ms CPU per call-second");
        sb.AppendLine(CultureInfo.InvariantCulture, $"working set growth={memory / 1024.0 / 1024.0:F1} MiB ({memory / calls / 1024.0:F1} KiB per call); managed allocations during run={allocated / 1024.0:F0} KiB ({(double)allocated / Math.Max(1, got):F2} B per packet)");
        Console.Write(sb.ToString());
        if (folder is not null)
        {
            var results = await Task.WhenAll(recordings.Select(r => r.StopAsync()));
            var bytes = results.Sum(r => r.FileBytes);
            var readable = results.Count(r => Wav.WavReader.ReadFile(r.Path!).IsSuccess);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recordings={results.Length} readable={readable} total {bytes / 1024.0 / 1024.0:F1} MiB, mean duration {results.Average(r => r.Duration.TotalSeconds):F1} s, late packets {results.Sum(r => r.LatePackets)}"));
            Directory.Delete(folder, recursive: true);
        }

        foreach (var s in sessions)
        {
            await s.DisposeAsync();
        }

        foreach (var e in endpoints)
        {
            e.Socket.Dispose();
        }

        return 0;
    }

    private static long Percentile(long[] histogram, long total, double p)
    {
        var target = (long)Math.Ceiling(total * p);
        long seen = 0;
        for (var i = 0; i < histogram.Length; i++)
        {
            seen += histogram[i];
            if (seen >= target && target > 0)
            {
                return (i + 1) * BucketMicros;
            }
        }

        return -1;
    }

    private static byte[] Offer(int port) => Encoding.ASCII.GetBytes(
        $"v=0\r\no=p 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 8\r\n");

    private sealed class Endpoint
    {
        private static uint _nextSsrc = 1000;

        public Endpoint()
        {
            Socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            Socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Port = ((IPEndPoint)Socket.LocalEndPoint!).Port;
            Ssrc = Interlocked.Increment(ref _nextSsrc);
        }

        public Socket Socket { get; }

        public int Port { get; }

        public uint Ssrc { get; }

        public SocketAddress? Target { get; set; }

        public async Task ReceiveLoop(long[] histogram, Action onPacket, CancellationToken token)
        {
            var buffer = new byte[2048];
            var from = new SocketAddress(AddressFamily.InterNetwork);
            while (!token.IsCancellationRequested)
            {
                int n;
                try
                {
                    n = await Socket.ReceiveFromAsync(buffer, SocketFlags.None, from, token);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                if (n != 172 || (buffer[1] & 0x7F) != 8)
                {
                    continue;
                }

                var sentAt = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(12));
                var micros = (Stopwatch.GetTimestamp() - sentAt) * 1_000_000 / Stopwatch.Frequency;
                Interlocked.Increment(ref histogram[Math.Clamp(micros / BucketMicros, 0, Buckets)]);
                onPacket();
            }
        }
    }
}
