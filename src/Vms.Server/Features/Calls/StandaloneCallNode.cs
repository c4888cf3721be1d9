using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vms.Domain.Routing.Snapshot;
using Vms.Media;
using Vms.Server.Features.Calls.Counters;
using Vms.Server.Features.Calls.Ladder;
using Vms.Server.Features.Calls.Limits;
using Vms.Server.Features.Calls.Live;
using Vms.Server.Features.Calls.Records;
using Vms.Server.Features.Calls.Routing;
using Vms.Server.Features.Calls.Trunks;
using Vms.Sip;
using Vms.Sip.Messages;
using Vms.Sip.Transport;
using Vms.Telephony;
using Vms.Telephony.Media;
using Vms.Telephony.Sip;

namespace Vms.Server.Features.Calls;

/// <summary>
/// The call path of one VMS node — SIP over UDP on loopback, RTP relay, the orchestration of published trees,
/// rate limits, counters and records — without the web host or a database. Interop tests and the SIPp benchmark
/// put SIPp in front of it and behind it.
/// </summary>
public sealed class StandaloneCallNode : IAsyncDisposable
{
    private readonly SipEndpoint _sip;
    private readonly MediaEngine _media;
    private readonly CallRecordWriter _writer;
    private readonly InMemoryCallRecordStore _store = new();
    private readonly LiveCallCounters _counters;
    private readonly CallOrchestrator _orchestrator;
    private readonly SipLadderStore _ladder;
    private readonly NodeMeterFactory _meters;
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "vms-node-" + Guid.NewGuid().ToString("N") + ".jsonl");

    private StandaloneCallNode(StandaloneCallNodeOptions options, ILoggerFactory logs)
    {
        var time = TimeProvider.System;
        _sip = new SipEndpoint(new SipEndpointOptions { UserAgent = "VMS" }, time);
        _media = new MediaEngine(new MediaEngineOptions { BindAddress = IPAddress.Loopback, MinPort = options.RtpMinPort, MaxPort = options.RtpMaxPort }, time,
            options.RtpSockets is { } sockets ? new GuardedRtpSocketFactory(sockets) : null);
        var capacity = NodeCallCapacity.Compute(options.MaxConcurrentCalls, options.RtpMinPort, options.RtpMaxPort, MediaCapacity.OpenFileLimit(), MediaCapacity.DefaultHeadroom);
        var media = new EngineMediaAdapter(_media, new PromptLibrary(_media, options.PromptsFolder), capacity.MaxPairs);
        Admission = new CallAdmission(capacity.MaxCalls, options.OverloadRetryAfterSeconds, time, logs.CreateLogger<CallAdmission>());
        var dialer = new SipOutboundDialer(_sip, new SipDialerOptions { Gateway = options.Gateway, GatewayUsername = options.GatewayUsername, GatewayPassword = options.GatewayPassword });
        var factory = new CallFactory(media, dialer, time, options.Telephony, logs.CreateLogger<InboundCall>());
        var calls = new CallsOptions { NodeId = "standalone", TransferToSipUris = options.TransferToSipUris };
        calls.Trunks.TrustedPeers.Add("127.0.0.0/8");
        _meters = new NodeMeterFactory();
        _ladder = new SipLadderStore(time) { Enabled = options.Ladder };
        _counters = new LiveCallCounters(_meters, time, _ladder); // the transport's setup-delay stamps feed its histogram
        _writer = new CallRecordWriter(_store, new CallRecordSpool(_spool), new CallRecordWriterOptions(), time, logs.CreateLogger<CallRecordWriter>());
        var trees = options.Trees.Select((kv, i) => (Number: kv.Key, kv.Value.Customer, Tree: Guid.NewGuid(), kv.Value.TreeJson)).ToList();
        var snapshot = RoutingSnapshot.Build(new SnapshotSource(
            trees.Select(t => new PublishedTree(t.Customer, t.Tree, 1, t.TreeJson)).ToList(),
            trees.Select(t => new PlanAssignment(t.Number, PlanKind.Normal, t.Tree, true)).ToList()));
        if (snapshot.Problems.Count > 0)
        {
            throw new ArgumentException("Bad trees: " + string.Join("; ", snapshot.Problems), nameof(options));
        }

        _orchestrator = new CallOrchestrator(factory, new FixedSnapshot(snapshot), new TrunkDirectory(calls.Trunks), new CallRateLimiter(options.RateLimits, time),
            new LiveCallState(), _counters, new ActiveCallRegistry(), _writer, calls, time, logs.CreateLogger<CallOrchestrator>(), _ladder, admission: Admission);
        _sip.AddTransport(new LadderSipTransport(UdpSipTransport.Bind(new IPEndPoint(IPAddress.Loopback, options.SipPort)), _ladder));
        _sip.RequestHandler = OnRequestAsync;
        _ = _writer.RunAsync(CancellationToken.None);
    }

    public int SipPort => _sip.Transports[0].LocalEndPoint.Port;

    /// <summary>The overload guard (maximum concurrent calls, refusals).</summary>
    internal CallAdmission Admission { get; }

    /// <summary>INVITEs refused with 503 because the node was at its maximum of concurrent calls.</summary>
    public long OverloadRefusals => Admission.Refused;

    /// <summary>Calls being handled now.</summary>
    public long CallsInProgress => _counters.ActiveTotal;

    public IReadOnlyList<NumberCountersSnapshot> Counters => _counters.Snapshot();

    public static StandaloneCallNode Start(StandaloneCallNodeOptions options, ILoggerFactory? logs = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new StandaloneCallNode(options, logs ?? NullLoggerFactory.Instance);
    }

    /// <summary>The call records written so far (the queue is drained first).</summary>
    public async Task<IReadOnlyList<CallRecordData>> RecordsAsync()
    {
        await _writer.DrainAsync(CancellationToken.None);
        return _store.Records;
    }

    /// <summary>The first lines of a call's SIP ladder, "→ INVITE sip:…" / "← SIP/2.0 200 OK".</summary>
    public IReadOnlyList<string> Ladder(string callId) =>
        _ladder.Get(callId).Select(m => (m.Outgoing ? "→ " : "← ") + m.FirstLine).ToList();

    public async ValueTask DisposeAsync()
    {
        _sip.RequestHandler = null;
        _writer.Complete();
        await _sip.DisposeAsync();
        _media.Dispose();
        _writer.Dispose();
        _meters.Dispose();
        File.Delete(_spool);
    }

    private async Task OnRequestAsync(SipIncomingRequest request)
    {
        if (request.Dialog is { } dialog)
        {
            // In-dialog request (REFER, re-INVITE…) that raced the call layer setting the dialog's handler.
            await InDialogFallback.HandleAsync(dialog, request);
            return;
        }

        if (request.Request.Method != SipMethods.Invite)
        {
            await request.RespondAsync(request.Request.Method == SipMethods.Bye ? 481 : 405);
            return;
        }

        using var session = new SipInboundSession(request);
        try
        {
            await _orchestrator.HandleAsync(session, CancellationToken.None);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // out of descriptors on the call path: this call gets 503, the node stays up
            session.Reject(503, "Service Unavailable (resources)", [new("Retry-After", "5")]);
        }
    }

    private sealed class FixedSnapshot(RoutingSnapshot snapshot) : IRoutingSnapshotProvider
    {
        public RoutingSnapshot Current => snapshot;
    }

    private sealed class NodeMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        private readonly List<System.Diagnostics.Metrics.Meter> _meters = [];

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            var meter = new System.Diagnostics.Metrics.Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
