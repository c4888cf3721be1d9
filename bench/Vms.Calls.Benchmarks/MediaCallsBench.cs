using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Vms.Sip;
using Vms.Sip.Dialogs;
using Vms.Sip.Messages;
using Vms.Sip.Transport;
using Vms.Sip.Uris;

namespace Vms.Calls.Benchmarks;

/// <summary>
/// N calls placed into VMS (caller → VMS → gateway), all answered by this tool's phones, held with RTP both ways at
/// 50 packets/s per direction while VMS relays it; every packet sent and received is counted at the far ends.
/// </summary>
internal sealed class MediaCallsBench : IAsyncDisposable
{
    private const string CallerPrefix = "+32475";
    private readonly Options _options;
    private readonly SipEndpoint _uac = new(new SipEndpointOptions { UserAgent = "bench-caller" });
    private readonly SipEndpoint _uas = new(new SipEndpointOptions { UserAgent = "bench-phone" });
    private readonly LatencyHistogram _callerToCallee = new();
    private readonly LatencyHistogram _calleeToCaller = new();
    private readonly ConcurrentBag<RtpStream> _callers = [];
    private readonly ConcurrentBag<RtpStream> _callees = [];
    private readonly ConcurrentDictionary<int, int> _failures = new();
    private readonly Lock _portGate = new();
    private int _nextPort;
    private long _unknownCallee;

    public MediaCallsBench(Options options)
    {
        _options = options;
        _nextPort = options.RtpBase;
    }

    public async Task<int> RunAsync()
    {
        _uac.AddTransport(UdpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, _options.CallerPort)));
        _uas.AddTransport(UdpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, _options.GatewayPort)));
        _uas.RequestHandler = OnRequestAsync;
        var baseline = Stats();
        var heapBaseline = await ManagedHeapAsync();
        Line($"baseline VMS rss={baseline?.RssKib} KiB cpu={baseline?.CpuSeconds:F2} s managed heap={heapBaseline / 1048576.0:F1} MiB");

        // 1. Set-up at the requested rate.
        var clock = Stopwatch.StartNew();
        var calls = new List<Task<SipDialog?>>(_options.Calls);
        for (var i = 0; i < _options.Calls; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / _options.Cps);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            calls.Add(PlaceAsync(i));
        }

        var dialogs = (await Task.WhenAll(calls)).Where(d => d is not null).Select(d => d!).ToList();
        Line($"setup: {dialogs.Count} of {_options.Calls} calls established in {clock.Elapsed.TotalSeconds:F1} s; failures: {string.Join(", ", _failures.Select(kv => $"{kv.Key}×{kv.Value}"))}");
        Line($"phones: {_callees.Count} legs answered, {Interlocked.Read(ref _unknownCallee)} without a recognisable caller number");
        await Task.Delay(2000);
        var established = Stats();
        var heapEstablished = await ManagedHeapAsync();

        // 2. Media both ways for the hold time, paced on one thread.
        var streams = _callers.Concat(_callees).ToArray();
        var lateTicks = 0;
        var half = default(ProcessStats?);
        var pump = new Thread(() => lateTicks = Pump(streams, _options.HoldSeconds, () => half = Stats())) { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "rtp pump" };
        var mediaStart = Stats();
        var mediaClock = Stopwatch.StartNew();
        pump.Start();
        pump.Join();
        var mediaSeconds = mediaClock.Elapsed.TotalSeconds;
        var mediaEnd = Stats();
        await Task.Delay(2000); // packets still in flight

        long Sent(IEnumerable<RtpStream> s) => s.Sum(x => x.Sent);
        long Received(IEnumerable<RtpStream> s) => s.Sum(x => x.Received);
        var upSent = Sent(_callers);
        var upReceived = Received(_callees);
        var downSent = Sent(_callees);
        var downReceived = Received(_callers);
        var foreign = _callers.Concat(_callees).Sum(x => x.Foreign);
        var silent = _callers.Count(x => x.Received == 0) + _callees.Count(x => x.Received == 0);
        Line($"media: {streams.Length} streams for {mediaSeconds:F1} s, {lateTicks} ticks later than 20 ms, achieved {(upSent + downSent) / (double)streams.Length / mediaSeconds:F1} packets/s per stream");
        Line($"caller→phone: sent {upSent}, received {upReceived}, lost {upSent - upReceived} ({Percent(upSent - upReceived, upSent)}), one-way p50 {_callerToCallee.Percentile(0.5):F1} ms p99 {_callerToCallee.Percentile(0.99):F1} ms");
        Line($"phone→caller: sent {downSent}, received {downReceived}, lost {downSent - downReceived} ({Percent(downSent - downReceived, downSent)}), one-way p50 {_calleeToCaller.Percentile(0.5):F1} ms p99 {_calleeToCaller.Percentile(0.99):F1} ms");
        Line($"streams that received nothing: {silent}; packets without this call's marker (cross-talk, RTCP on RTP port): {foreign}");
        if (baseline is { } b && established is { } e && mediaStart is { } ms && mediaEnd is { } me)
        {
            var peak = half is { } h ? Math.Max(h.RssKib, me.RssKib) : me.RssKib;
            Line($"VMS rss: baseline {b.RssKib / 1024.0:F1} MiB, {dialogs.Count} established (signalling only) {e.RssKib / 1024.0:F1} MiB, with media {peak / 1024.0:F1} MiB");
            Line($"VMS memory per established call: {(e.RssKib - b.RssKib) / (double)Math.Max(1, dialogs.Count):F1} KiB (signalling + relay sessions), {(peak - b.RssKib) / (double)Math.Max(1, dialogs.Count):F1} KiB with media flowing; managed heap {(heapEstablished - heapBaseline) / 1024.0 / Math.Max(1, dialogs.Count):F1} KiB per call (dotnet_total_memory_bytes, not compacted)");
            Line($"VMS CPU while relaying: {(me.CpuSeconds - ms.CpuSeconds) / mediaSeconds * 100:F0} % of one core ({(me.CpuSeconds - ms.CpuSeconds) * 1e6 / Math.Max(1, upReceived + downReceived):F1} µs per relayed packet); set-up phase {(e.CpuSeconds - b.CpuSeconds):F2} s CPU");
        }

        // 3. Hang up.
        using var gate = new SemaphoreSlim(100);
        var byes = await Task.WhenAll(dialogs.Select(async d =>
        {
            await gate.WaitAsync();
            try
            {
                return (await d.ByeAsync()).StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));
        await Task.Delay(1000);
        var after = Stats();
        Line($"hang-up: {byes.Count(s => s == 200)} of {byes.Length} BYE answered 200; VMS rss after {after?.RssKib / 1024.0:F1} MiB");
        var lost = upSent - upReceived + downSent - downReceived;
        Line($"RESULT calls={dialogs.Count} lost={lost} sent={upSent + downSent} silent_streams={silent}");
        return dialogs.Count == _options.Calls && lost == 0 && silent == 0 ? 0 : 1;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _callers.Concat(_callees))
        {
            s.Dispose();
        }

        await _uac.DisposeAsync();
        await _uas.DisposeAsync();
    }

    private async Task<SipDialog?> PlaceAsync(int index)
    {
        var stream = OpenStream(index, fromCaller: true, _calleeToCaller);
        var target = new SipUri(SipUriScheme.Sip, _options.Number, _options.Vms.Address.ToString(), _options.Vms.Port);
        var from = new NameAddress(new SipUri(SipUriScheme.Sip, CallerPrefix + (100000 + index).ToString(CultureInfo.InvariantCulture), "127.0.0.1"));
        var invite = _uac.CreateRequest(SipMethods.Invite, target, from, new NameAddress(target));
        invite.Body = Sdp.Audio(IPAddress.Loopback, stream.Port);
        invite.Headers.Add(HeaderKind.ContentType, "application/sdp");
        var result = await _uac.InviteAsync(invite);
        if (!result.IsAnswered || Sdp.MediaOf(result.Response.Body.Span) is not { } media)
        {
            _failures.AddOrUpdate(result.Response.StatusCode, 1, (_, n) => n + 1);
            stream.Dispose();
            return null;
        }

        stream.Remote = media;
        stream.Start();
        _callers.Add(stream);
        return result.Dialog;
    }

    private async Task OnRequestAsync(SipIncomingRequest request)
    {
        if (request.Request.Method != SipMethods.Invite)
        {
            await request.RespondAsync(request.Request.Method == SipMethods.Bye ? 481 : 405);
            return;
        }

        var user = request.Request.From?.Uri.User ?? "";
        var index = user.StartsWith(CallerPrefix, StringComparison.Ordinal) && int.TryParse(user.AsSpan(CallerPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 100000 : -1;
        if (index < 0)
        {
            Interlocked.Increment(ref _unknownCallee);
        }

        if (Sdp.MediaOf(request.Request.Body.Span) is not { } media)
        {
            await request.RespondAsync(488, "Not Acceptable Here");
            return;
        }

        var stream = OpenStream(index, fromCaller: false, _callerToCallee);
        stream.Remote = media;
        stream.Start();
        var ok = request.CreateResponse(200);
        ok.Body = Sdp.Audio(IPAddress.Loopback, stream.Port);
        ok.Headers.Add(HeaderKind.ContentType, "application/sdp");
        _callees.Add(stream);
        await request.RespondAsync(ok);
    }

    private RtpStream OpenStream(int index, bool fromCaller, LatencyHistogram latency)
    {
        lock (_portGate)
        {
            return RtpStream.Open(IPAddress.Loopback, ref _nextPort, index, fromCaller, latency);
        }
    }

    /// <summary>Every 20 ms, one packet from every stream; returns how many ticks started more than 20 ms late.</summary>
    private static int Pump(RtpStream[] streams, int seconds, Action atHalf)
    {
        var tick = Stopwatch.Frequency / 50;
        var ticks = seconds * 50;
        var start = Stopwatch.GetTimestamp();
        var late = 0;
        for (var t = 0; t < ticks; t++)
        {
            var due = start + t * tick;
            while (Stopwatch.GetTimestamp() < due - Stopwatch.Frequency / 1000)
            {
                Thread.Sleep(1); // a real-time traffic generator: coarse wait until 1 ms before the next 20 ms send
            }

            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.SpinWait(20);
            }

            if (Stopwatch.GetTimestamp() - due > tick)
            {
                late++;
            }

            foreach (var stream in streams)
            {
                stream.SendNext();
            }

            if (t == ticks / 2)
            {
                atHalf();
            }
        }

        return late;
    }

    /// <summary>VMS's managed heap (prometheus-net's dotnet_total_memory_bytes), or NaN without --metrics.</summary>
    private async Task<double> ManagedHeapAsync()
    {
        if (_options.Metrics is not { } url)
        {
            return double.NaN;
        }

        using var http = new HttpClient();
        var text = await http.GetStringAsync(url);
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("dotnet_total_memory_bytes ", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.AsSpan(line.IndexOf(' ') + 1), CultureInfo.InvariantCulture);
    }

    private ProcessStats? Stats() => _options.VmsPid is { } pid ? ProcessStats.Read(pid) : null;

    private static string Percent(long part, long total) => total == 0 ? "n/a" : (100.0 * part / total).ToString("F4", CultureInfo.InvariantCulture) + " %";

    private static void Line(string text) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {text}");
}
