using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Vms.Media.Recording;

namespace Vms.Media.Benchmarks;

/// <summary>
/// Concurrent relayed calls on loopback with real UDP. Each call is two engine sessions bridged; the far ends
/// of all calls are played by <see cref="LoadGenerator"/> (a few shared sockets, 50 packets/s per stream, both
/// directions). The same generator first runs through a <see cref="NullRelay"/> (the reference: two loopback
/// hops and nothing else), then through VMS; both one-way latency distributions are reported, with loss, CPU
/// per thread group, memory per call and bytes allocated per relayed packet. Traffic stays on 127.0.0.1.
/// </summary>
internal static class RelayLoadTest
{
    public static async Task<int> RunAsync(int calls, int seconds, bool record, bool inBand, int receiveThreads, int pollMicros, int nice, int realtimePriority, int referenceSeconds, int generatorSockets)
    {
        if (!BenchNative.IsSupported)
        {
            Console.WriteLine("the load generator needs Linux (x64 or arm64)");
            return 1;
        }

        var streams = 2 * calls;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calls={calls} streams={streams} seconds={seconds} record={record} in-band DTMF detection={inBand} receive threads={(receiveThreads < 0 ? "thread pool (portable path)" : receiveThreads == 0 ? "auto " + Transport.UdpRtpSocketFactory.DefaultReceiveThreads : receiveThreads)} poll pause={pollMicros} µs rx nice={nice} rx SCHED_RR={realtimePriority} generator sockets={generatorSockets} cores={Environment.ProcessorCount} loadavg={File.ReadAllText("/proc/loadavg").Trim()}"));
        using var generator = new LoadGenerator(generatorSockets);

        // 1. The reference: the same generator through a null relay.
        if (referenceSeconds > 0)
        {
            using var nullRelay = new NullRelay(2);
            var targets = Enumerable.Range(0, streams).Select(nullRelay.EndPointFor).ToArray();
            var cpu0 = ThreadCpu.Snapshot();
            var reference = generator.Run(1, targets, referenceSeconds);
            Console.WriteLine(reference.Describe("null relay"));
            Console.WriteLine("[null relay] cpu: " + ThreadCpu.Format(ThreadCpu.Delta(cpu0, ThreadCpu.Snapshot(), reference.SendSeconds)));
        }

        // 2. VMS: sessions, bridges and (optionally) recordings.
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(true);
        const int minPort = 20000;
        // rx=-1: the portable thread-pool receive loops instead of the epoll threads (for comparison).
        using var sockets = new Transport.UdpRtpSocketFactory(Math.Max(0, receiveThreads), useEpoll: receiveThreads >= 0, TimeSpan.FromMicroseconds(pollMicros), nice, realtimePriority);
        using var engine = new MediaEngine(new MediaEngineOptions { MinPort = minPort, MaxPort = minPort + (4 * calls) + 64 }, null, sockets);
        var sessions = new List<MediaSession>();
        var recordings = new List<CallRecorder>();
        var folder = record ? Directory.CreateTempSubdirectory("vms-bench-rec-").FullName : null;
        var vmsTargets = new IPEndPoint[streams];
        for (var i = 0; i < calls; i++)
        {
            var a = engine.CreateSession().Session ?? throw new InvalidOperationException("ports exhausted");
            var b = engine.CreateSession().Session ?? throw new InvalidOperationException("ports exhausted");
            a.AcceptOffer(Offer(generator.PortFor(2 * i), inBand));
            b.AcceptOffer(Offer(generator.PortFor((2 * i) + 1), inBand));
            var bridge = a.Bridge(b);
            if (folder is not null)
            {
                recordings.Add(bridge.StartRecording(Path.Combine(folder, $"call-{i}.wav"), new RecordingOptions()));
            }

            vmsTargets[2 * i] = new IPEndPoint(IPAddress.Loopback, a.LocalRtpPort);
            vmsTargets[(2 * i) + 1] = new IPEndPoint(IPAddress.Loopback, b.LocalRtpPort);
            sessions.Add(a);
            sessions.Add(b);
        }

        process.Refresh();
        var setupWorkingSet = process.WorkingSet64 - workingSetBefore;
        var setupHeap = GC.GetTotalMemory(true) - heapBefore;
        var prepared = generator.Prepare(2, vmsTargets, seconds);
        var cpuBefore = ThreadCpu.Snapshot();
        var processCpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gcBefore = GC.CollectionCount(0);
        var vms = generator.Run(prepared);
        var allocated = vms.AllocatedAtEnd - allocatedBefore;
        var gcs = GC.CollectionCount(0) - gcBefore;
        process.Refresh();
        var cpu = ThreadCpu.Delta(cpuBefore, ThreadCpu.Snapshot(), vms.SendSeconds);
        var processCpu = (process.TotalProcessorTime - processCpuBefore).TotalSeconds / vms.SendSeconds;
        var vmsCpu = cpu.Where(kv => kv.Key is "vms-rx" or "vms-rec-writer" or "other").Sum(kv => kv.Value);
        var workingSet = process.WorkingSet64 - workingSetBefore;
        Console.WriteLine(vms.Describe("vms"));
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"[vms] cpu: {ThreadCpu.Format(cpu)}; whole process {processCpu * 100:F1} %");
        sb.AppendLine(CultureInfo.InvariantCulture, $"[vms] VMS cpu (rx threads + clock/pool/GC + recording writer) = {vmsCpu * 100:F1} % of a core = {vmsCpu * 1000 / calls:F3} ms CPU per call-second = {vmsCpu * 1e6 / Math.Max(1, vms.Received / vms.SendSeconds):F2} µs per relayed packet");
        sb.AppendLine(CultureInfo.InvariantCulture, $"[vms] memory: working set +{setupWorkingSet / 1024.0 / calls:F1} KiB per call after setup, +{workingSet / 1024.0 / calls:F1} KiB per call after the run; managed heap +{setupHeap / 1024.0 / calls:F1} KiB per call");
        sb.AppendLine(CultureInfo.InvariantCulture, $"[vms] allocated during the run: {allocated / 1024.0:F0} KiB = {(double)allocated / Math.Max(1, vms.Received):F3} B per relayed packet; gen0 GCs {gcs}");
        Console.Write(sb.ToString());
        if (folder is not null)
        {
            var results = await Task.WhenAll(recordings.Select(r => r.StopAsync()));
            var bytes = results.Sum(r => r.FileBytes);
            var readable = results.Count(r => Wav.WavReader.ReadFile(r.Path!) is { IsSuccess: true, File.Duration.TotalSeconds: > 0 });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[rec] recordings={results.Length} readable={readable} total {bytes / 1024.0 / 1024.0:F1} MiB, mean duration {results.Average(r => r.Duration.TotalSeconds):F2} s, late packets {results.Sum(r => r.LatePackets)}, reasons {string.Join(",", results.GroupBy(r => r.Reason).Select(g => $"{g.Key}={g.Count()}"))}"));
            Directory.Delete(folder, recursive: true);
        }

        foreach (var s in sessions)
        {
            await s.DisposeAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ports in use after the calls ended: {engine.Ports.InUse}; loadavg={File.ReadAllText("/proc/loadavg").Trim()}"));
        return 0;
    }

    // A phone offering telephone-event, as most do (without it VMS also runs in-band DTMF detection on every packet).
    private static byte[] Offer(int port, bool inBand) => Encoding.ASCII.GetBytes(inBand
        ? $"v=0\r\no=p 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 8\r\n"
        : $"v=0\r\no=p 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\n");
}
