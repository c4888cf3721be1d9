using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vms.Server.Features.Calls.Ladder;
using Vms.Server.Features.Calls.Routing;
using Vms.Sip;
using Vms.Sip.Messages;
using Vms.Sip.Transport;
using Vms.Telephony.Sip;

namespace Vms.Server.Features.Calls;

/// <summary>
/// Binds the SIP transports, hands every new INVITE to the orchestrator (one task per call) and keeps the routing
/// snapshot fresh. OPTIONS (Kamailio's dispatcher probes) are answered by the stack itself.
/// </summary>
internal sealed partial class SipCallService : BackgroundService
{
    private readonly SipEndpoint _sip;
    private readonly CallOrchestrator _orchestrator;
    private readonly DatabaseSnapshotProvider? _snapshots;
    private readonly SipLadderStore _ladder;
    private readonly CallsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SipCallService> _logger;
    private readonly ConcurrentDictionary<Task, byte> _calls = new();

    public SipCallService(SipEndpoint sip, CallOrchestrator orchestrator, IRoutingSnapshotProvider snapshots, SipLadderStore ladder, CallsOptions options, TimeProvider time, ILogger<SipCallService> logger)
    {
        _sip = sip;
        _orchestrator = orchestrator;
        _snapshots = snapshots as DatabaseSnapshotProvider;
        _ladder = ladder;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public int CallsInProgress => _calls.Count;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_snapshots is not null)
        {
            try
            {
                await _snapshots.RefreshAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSnapshotFailed(_logger, ex.Message);
            }
        }

        var endpoint = new IPEndPoint(IPAddress.Parse(_options.SipAddress), _options.SipPort);
        try
        {
            var udp = UdpSipTransport.Bind(endpoint);
            _sip.AddTransport(new LadderSipTransport(udp, _ladder));
            if (_options.SipTcp)
            {
                _sip.AddTransport(new LadderSipTransport(TcpSipTransport.Bind(udp.LocalEndPoint, _time), _ladder));
            }

            _sip.RequestHandler = OnRequestAsync;
            LogListening(_logger, udp.LocalEndPoint);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            // The portal and API still serve; this node takes no calls until restarted with a free port.
            LogNoSip(_logger, endpoint, ex.Message);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_snapshots is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.SnapshotRefresh, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await _snapshots.RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSnapshotFailed(_logger, ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _sip.RequestHandler = null;
        await base.StopAsync(cancellationToken);
        try
        {
            await Task.WhenAll(_calls.Keys).WaitAsync(TimeSpan.FromSeconds(5), _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // calls still up are cut by the process ending
        }
    }

    private Task OnRequestAsync(SipIncomingRequest request)
    {
        if (request.Dialog is { } dialog)
        {
            return InDialogFallback.HandleAsync(dialog, request);
        }

        if (request.Request.Method != SipMethods.Invite)
        {
            return request.RespondAsync(request.Request.Method == SipMethods.Bye ? 481 : 405);
        }

        var session = new SipInboundSession(request);
        var task = RunCallAsync(session);
        _calls.TryAdd(task, 0);
        _ = task.ContinueWith(t => _calls.TryRemove(t, out _), TaskScheduler.Default);

        // The stack answers 500 when the handler ends without a final response: the handler lasts as long as the call.
        return task;
    }

    private async Task RunCallAsync(SipInboundSession session)
    {
        using (session)
        {
            try
            {
                await _orchestrator.HandleAsync(session, CancellationToken.None);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                // Out of descriptors (EMFILE/ENFILE) or buffers somewhere on the call path: refuse this call, keep the node.
                LogCallResources(_logger, session.CallId, ex.SocketErrorCode.ToString());
                session.Reject(503, "Service Unavailable (resources)", [new("Retry-After", _options.OverloadRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCallCrashed(_logger, session.CallId, ex);
                session.Reject(500, "Server Internal Error");
            }
        }
    }

    [LoggerMessage(EventId = 6040, Level = LogLevel.Information, Message = "SIP calls on {Endpoint} (UDP, TCP)")]
    private static partial void LogListening(ILogger logger, IPEndPoint endpoint);

    [LoggerMessage(EventId = 6042, Level = LogLevel.Critical, Message = "SIP port {Endpoint} unavailable ({Reason}): this node takes no calls")]
    private static partial void LogNoSip(ILogger logger, IPEndPoint endpoint, string reason);

    [LoggerMessage(EventId = 6043, Level = LogLevel.Error, Message = "Routing snapshot refresh failed: {Reason}")]
    private static partial void LogSnapshotFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 6044, Level = LogLevel.Warning, Message = "Call {CallId}: socket error {Error} on the call path, refused with 503")]
    private static partial void LogCallResources(ILogger logger, string callId, string error);

    [LoggerMessage(EventId = 6041, Level = LogLevel.Error, Message = "Call {CallId} crashed")]
    private static partial void LogCallCrashed(ILogger logger, string callId, Exception exception);
}
