using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Vms.Domain.Routing.Evaluation;
using Vms.Server.Features.Calls.Counters;
using Vms.Server.Features.Calls.Ladder;
using Vms.Server.Features.Calls.Limits;
using Vms.Server.Features.Calls.Live;
using Vms.Server.Features.Calls.Records;
using Vms.Server.Features.Calls.Routing;
using Vms.Server.Features.Calls.Trunks;
using Vms.Telephony;
using Vms.Telephony.Signalling;

namespace Vms.Server.Features.Calls;

/// <summary>
/// The way of an inbound call: trunk check (403), rate limits (503 + Retry-After), the published snapshot (404
/// unknown number, 480 no active plan), then the routing tree's steps executed by Telephony until the call is
/// connected or ends; counters, live state and the call record on the way.
/// </summary>
internal sealed partial class CallOrchestrator
{
    private static readonly TimeSpan AlarmEvery = TimeSpan.FromSeconds(10);

    private readonly CallFactory _factory;
    private readonly IRoutingSnapshotProvider _snapshots;
    private readonly TrunkDirectory _trunks;
    private readonly CallRateLimiter _limiter;
    private readonly ConcurrentDictionary<string, long> _lastAlarm = new(StringComparer.Ordinal);

    public CallOrchestrator(
        CallFactory factory,
        IRoutingSnapshotProvider snapshots,
        TrunkDirectory trunks,
        CallRateLimiter limiter,
        LiveCallState live,
        LiveCallCounters counters,
        ActiveCallRegistry active,
        CallRecordWriter records,
        CallsOptions options,
        TimeProvider time,
        ILogger<CallOrchestrator> logger,
        SipLadderStore? ladder = null,
        Func<ICallerListLookup?>? callerLists = null,
        CallAdmission? admission = null)
    {
        Admission = admission;
        Ladder = ladder;
        CallerLists = callerLists;
        _factory = factory;
        _snapshots = snapshots;
        _trunks = trunks;
        _limiter = limiter;
        Live = live;
        Counters = counters;
        Active = active;
        Records = records;
        Options = options;
        Time = time;
        Logger = logger;
    }

    internal LiveCallState Live { get; }
    internal LiveCallCounters Counters { get; }
    internal ActiveCallRegistry Active { get; }
    internal CallRecordWriter Records { get; }
    internal CallsOptions Options { get; }
    internal TimeProvider Time { get; }
    internal ILogger Logger { get; }
    internal SipLadderStore? Ladder { get; }
    internal Func<ICallerListLookup?>? CallerLists { get; }
    internal CallAdmission? Admission { get; }
    internal CallRateLimiter Limiter => _limiter;
    internal RoutingSnapshotView Snapshot => new(_snapshots.Current);

    /// <summary>Handles one incoming INVITE to its end (the task completes when the call is over).</summary>
    public async Task HandleAsync(IInboundSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var trunk = _trunks.Classify(session.Source.Address);
        if (trunk.Kind == TrunkKind.Unknown)
        {
            LogForbidden(Logger, session.CallId, session.Source.ToString());
            Counters.CallRefused("forbidden");
            session.Reject(403, "Forbidden");
            return;
        }

        if (Admission is { } admission)
        {
            if (!admission.TryEnter())
            {
                Counters.CallRefused("overload");
                session.Reject(503, "Service Unavailable (overload)", [new("Retry-After", admission.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                return;
            }

            try
            {
                await AdmittedAsync(session, trunk, cancellationToken);
            }
            finally
            {
                admission.Leave();
            }

            return;
        }

        await AdmittedAsync(session, trunk, cancellationToken);
    }

    private async Task AdmittedAsync(IInboundSession session, TrunkMatch trunk, CancellationToken cancellationToken)
    {
        var limit = _limiter.TryAcquire(session.CalledNumber, session.Source.Address.ToString());
        if (!limit.Allowed)
        {
            Counters.CallRefused("rate-limited");
            RaiseRateAlarm(limit.Scope == RateLimitScope.Number ? session.CalledNumber : session.Source.Address.ToString(), limit.Scope);
            session.Reject(503, "Service Unavailable (call rate limit)", [new("Retry-After", limit.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            return;
        }

        if (trunk.Kind == TrunkKind.CustomerPbx)
        {
            await new CallRun(this, session, trunk.CustomerId, null).RunOutboundAsync(_factory, cancellationToken);
            return;
        }

        var snapshot = _snapshots.Current;
        if (!snapshot.TryGet(session.CalledNumber, out var routing))
        {
            LogUnknownNumber(Logger, session.CallId, session.CalledNumber);
            Counters.CallRefused("unknown-number");
            session.Reject(404, "Not Found");
            return;
        }

        if (routing.Active is not { } plan)
        {
            LogInactive(Logger, session.CallId, session.CalledNumber, routing.ActiveKind);
            Counters.CallRefused("inactive");
            session.Reject(480, "Temporarily Unavailable (service not active)");
            return;
        }

        await new CallRun(this, session, routing.CustomerId, plan).RunInboundAsync(_factory, cancellationToken);
    }

    private void RaiseRateAlarm(string key, RateLimitScope scope)
    {
        var now = Time.GetTimestamp();
        var last = _lastAlarm.GetOrAdd(key, 0);
        if (last == 0 || Time.GetElapsedTime(last, now) >= AlarmEvery)
        {
            _lastAlarm[key] = now;
            LogRateAlarm(Logger, scope.ToString().ToLowerInvariant(), key);
        }
    }

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Call {CallId} from untrusted peer {Source} refused with 403")]
    private static partial void LogForbidden(ILogger logger, string callId, string source);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Error, Message = "ALARM explosive traffic: {Scope} {Key} over its call-rate limit, calls refused with 503")]
    private static partial void LogRateAlarm(ILogger logger, string scope, string key);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Information, Message = "Call {CallId} to unknown number {Number}: 404")]
    private static partial void LogUnknownNumber(ILogger logger, string callId, string number);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Information, Message = "Call {CallId} to {Number}: no active {Plan} plan, 480")]
    private static partial void LogInactive(ILogger logger, string callId, string number, Vms.Domain.Routing.Snapshot.PlanKind plan);
}
