using Microsoft.Extensions.Logging;
using Vms.Domain.Routing.Evaluation;
using Vms.Domain.Routing.Model;
using Vms.Domain.Routing.Numbers;
using Vms.Server.Features.Calls.Counters;
using Vms.Server.Features.Calls.Live;
using Vms.Server.Features.Calls.Records;
using Vms.Telephony;
using Vms.Telephony.Media;
using Vms.Telephony.Signalling;

namespace Vms.Server.Features.Calls;

/// <summary>One call's run through its routing tree: each step executed by Telephony, each outcome fed back to the evaluator.</summary>
internal sealed partial class CallRun
{
    private readonly CallOrchestrator _o;
    private readonly IInboundSession _session;
    private readonly Guid? _customer;
    private readonly CompiledPlan? _plan;
    private readonly List<CallLegData> _legs = [];
    private readonly ActiveCallInfo _info;
    private readonly Guid _id = Guid.CreateVersion7();
    private string _trace = "";
    private CallOutcome _outcome = CallOutcome.Failed;
    private CallParty? _endedBy;
    private int _lastDialStatus;
    private bool _mediaTimedOut;
    private DestinationLease? _bridgedLease; // the destination now talking to the caller, counted in the live state

    public CallRun(CallOrchestrator orchestrator, IInboundSession session, Guid? customer, CompiledPlan? plan)
    {
        _o = orchestrator;
        _session = session;
        _customer = customer;
        _plan = plan;
        _info = new ActiveCallInfo
        {
            CallId = session.CallId,
            CustomerId = customer,
            Caller = session.CallerNumber,
            Called = session.CalledNumber,
            StartedAt = orchestrator.Time.GetUtcNow(),
        };
    }

    public async Task RunInboundAsync(CallFactory factory, CancellationToken cancellationToken)
    {
        var call = factory.Accept(_session);
        if (call is null)
        {
            _o.Counters.CallRefused("media");
            return;
        }

        await using (call)
        {
            Begin();
            try
            {
                await ExecuteTreeAsync(call, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCallFailed(_o.Logger, _session.CallId, ex);
                _outcome = CallOutcome.Failed;
                await call.HangUpAsync(500, CancellationToken.None);
            }
            finally
            {
                End(call);
            }
        }
    }

    /// <summary>A call from a customer's PBX: straight out through the gateway, bridged, recorded.</summary>
    public async Task RunOutboundAsync(CallFactory factory, CancellationToken cancellationToken)
    {
        var call = factory.Accept(_session);
        if (call is null)
        {
            _o.Counters.CallRefused("media");
            return;
        }

        await using (call)
        {
            Begin();
            try
            {
                _trace = $"Outgoing call from customer PBX to {_session.CalledNumber} through the gateway.";
                var (outcome, connected) = await ForwardAsync(call, _session.CalledNumber, _o.Options.PbxRingTimeoutSeconds, _session.CallerNumber, null, cancellationToken);
                if (!connected && outcome is not null)
                {
                    await call.HangUpAsync(UnansweredStatus(), cancellationToken);
                }
            }
            finally
            {
                End(call);
            }
        }
    }

    private async Task ExecuteTreeAsync(InboundCall call, CancellationToken cancellationToken)
    {
        var context = new CallContext(_o.Time.GetUtcNow(), NumberAnalysis.AnalyseCaller(_session.CallerNumber), _session.CalledNumber)
        {
            Live = _o.Live,
            Lists = _o.CallerLists?.Invoke(),
        };
        var evaluation = RouteEvaluation.Start(_plan!, context);
        var step = evaluation.Current;
        var connected = false;
        try
        {
            while (true)
            {
                switch (step.Kind)
                {
                    case StepKind.Forward:
                        var (outcome, answered) = await ForwardAsync(call, step.Number!, step.TimeoutSeconds, step.PresentedCli, step.Site, cancellationToken);
                        if (outcome is not { } forwardOutcome)
                        {
                            _outcome = CallOutcome.Cancelled;
                            return;
                        }

                        connected = answered;
                        step = evaluation.Next(forwardOutcome);
                        continue;
                    case StepKind.Play:
                        _info.State = "announcement";
                        if (await call.PlayAsync(PromptName(step.Prompt!), cancellationToken) is null)
                        {
                            _outcome = CallOutcome.Cancelled;
                            _endedBy = CallParty.Caller;
                            return;
                        }

                        _outcome = CallOutcome.Announcement;
                        step = evaluation.Next(StepOutcome.Completed);
                        continue;
                    case StepKind.CollectDigit:
                        _info.State = "menu";
                        var digits = await call.CollectDigitsAsync(step.Prompt is null ? null : PromptName(step.Prompt), DigitOptions.SingleKey(TimeSpan.FromSeconds(Math.Max(1, step.TimeoutSeconds))), cancellationToken);
                        if (digits is null)
                        {
                            _outcome = CallOutcome.Cancelled;
                            _endedBy = CallParty.Caller;
                            return;
                        }

                        step = evaluation.Next(digits.Length == 0 ? StepOutcome.Timeout : StepOutcome.Key(digits[0]));
                        continue;
                    case StepKind.Queue:
                        LogAgentGroupUnavailable(_o.Logger, _session.CallId, step.Target ?? "?", step.NodeId ?? "?");
                        _outcome = CallOutcome.Rejected;
                        await call.HangUpAsync(480, cancellationToken);
                        return;
                    case StepKind.Voicemail:
                        LogVoicemailUnavailable(_o.Logger, _session.CallId, step.Target ?? "?");
                        _outcome = CallOutcome.Rejected;
                        await call.HangUpAsync(480, cancellationToken);
                        return;
                    case StepKind.Reject:
                        _outcome = step.RejectReason == RejectReason.Busy ? CallOutcome.Busy : CallOutcome.Rejected;
                        await call.HangUpAsync(step.RejectReason switch { RejectReason.Busy => 486, RejectReason.Rejected => 603, _ => 480 }, cancellationToken);
                        return;
                    default:
                        // HangUp or Done.
                        if (!connected)
                        {
                            await call.HangUpAsync(UnansweredStatus(), cancellationToken);
                        }

                        return;
                }
            }
        }
        finally
        {
            _trace = string.Join('\n', RouteExplainer.Explain(evaluation));
        }
    }

    /// <summary>Dials a destination and bridges it when answered; null outcome when the caller went away.</summary>
    private async Task<(StepOutcome? Outcome, bool Connected)> ForwardAsync(InboundCall call, string number, int timeoutSeconds, string? presentedCli, string? site, CancellationToken cancellationToken)
    {
        var customer = _customer ?? Guid.Empty;
        _bridgedLease = _o.Live.TryReserve(LiveCallState.Key(customer, number), site is null ? null : LiveCallState.Key(customer, site), null, null).Lease;
        try
        {
            return await DialAndBridgeAsync(call, number, timeoutSeconds, presentedCli, cancellationToken);
        }
        finally
        {
            _bridgedLease?.Dispose(); // a transfer may have moved it to the target's count
            _bridgedLease = null;
        }
    }

    private async Task<(StepOutcome? Outcome, bool Connected)> DialAndBridgeAsync(InboundCall call, string number, int timeoutSeconds, string? presentedCli, CancellationToken cancellationToken)
    {
        _info.State = "ringing";
        _info.Destination = number;
        var ring = TimeSpan.FromSeconds(timeoutSeconds > 0 ? timeoutSeconds : 20);
        var dial = await call.DialAsync(number, ring, presentedCli, cancellationToken);
        _lastDialStatus = dial.SipStatus;
        if (dial.LegCallId is { Length: > 0 } legCallId)
        {
            _o.Ladder?.Link(legCallId, _session.CallId);
        }

        var legIndex = _legs.Count;
        var leg = new CallLegData
        {
            Index = legIndex,
            Destination = number,
            SetupAt = dial.StartedAt,
            EndedAt = dial.EndedAt,
            Outcome = LegOutcome(dial.Outcome),
            SipStatus = dial.SipStatus,
            Rerouted = _plan is not null,
            OffNet = !_o.Snapshot.IsOnNet(number),
        };
        _legs.Add(leg);

        switch (dial.Outcome)
        {
            case DialOutcome.Answered:
                _info.State = "connected";
                var connected = await BridgeWithTransfersAsync(call, dial.Leg!, legIndex, cancellationToken);
                return (StepOutcome.Answered, connected);
            case DialOutcome.Busy:
                _outcome = CallOutcome.Busy;
                return (StepOutcome.Busy, false);
            case DialOutcome.NoAnswer:
                _outcome = CallOutcome.NoAnswer;
                return (StepOutcome.NoAnswer, false);
            case DialOutcome.Failed:
                _outcome = CallOutcome.Failed;
                return (StepOutcome.Failed, false);
            default:
                _outcome = CallOutcome.Cancelled;
                _endedBy = CallParty.Caller;
                return (null, false);
        }
    }

    /// <summary>Prompts are stored per customer as "{customer:N}-{name}" (see the routing feature's prompt service).</summary>
    private string PromptName(string prompt) => _customer is { } customer ? customer.ToString("N") + "-" + prompt : prompt;

    private int UnansweredStatus() => _outcome switch
    {
        CallOutcome.Busy => 486,
        CallOutcome.Failed when _lastDialStatus is >= 500 and < 600 => 502,
        _ => 480,
    };

    private void Begin()
    {
        _o.Active.Add(_info);
        if (_customer is { } owner)
        {
            _o.Ladder?.SetOwner(_session.CallId, owner);
        }

        _o.Counters.CallStarted(_customer, _session.CalledNumber);
    }

    private void End(InboundCall call)
    {
        _o.Active.Remove(_session.CallId);
        _o.Counters.CallEnded(_customer, _session.CalledNumber, _outcome);
        if (_mediaTimedOut)
        {
            _o.Counters.CallMediaTimedOut(_customer, _session.CalledNumber);
        }

        var endedAt = _o.Time.GetUtcNow();
        _o.Records.Enqueue(new CallRecordData
        {
            CallId = _id,
            SipCallId = _session.CallId,
            CustomerId = _customer,
            CalledNumber = _session.CalledNumber,
            CallerNumber = _session.CallerNumber,
            Source = _session.Source.ToString(),
            SetupAt = call.SetupAt,
            AnsweredAt = _legs.FirstOrDefault(l => l.AnsweredAt is not null)?.AnsweredAt ?? call.AnsweredAt, // a transfer keeps the first answer
            EndedAt = endedAt,
            Outcome = _mediaTimedOut ? MediaTimeoutOutcome : LiveCallCounters.OutcomeName(_outcome),
            SipStatus = call.FinalStatus,
            EndedBy = (_endedBy ?? (_session.EndedBy == SessionEnd.None ? CallParty.System : CallParty.Caller)).ToString().ToLowerInvariant(),
            RouteTrace = _trace,
            Legs = _legs,
        });
    }

    /// <summary>The record's outcome of a connected call VMS ended for lack of RTP (answered in the live counters, plus one media timeout).</summary>
    internal const string MediaTimeoutOutcome = "media-timeout";

    private static string LegOutcome(DialOutcome outcome) => outcome switch
    {
        DialOutcome.Answered => "answered",
        DialOutcome.Busy => "busy",
        DialOutcome.NoAnswer => "no-answer",
        DialOutcome.Cancelled => "cancelled",
        _ => "failed",
    };

    [LoggerMessage(EventId = 6020, Level = LogLevel.Warning, Message = "Call {CallId}: the tree reached agent group '{Group}' (node {Node}); agent groups need ACM, which this node does not run yet → 480")]
    private static partial void LogAgentGroupUnavailable(ILogger logger, string callId, string group, string node);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Warning, Message = "Call {CallId}: voicemail '{Mailbox}' is not available yet → 480")]
    private static partial void LogVoicemailUnavailable(ILogger logger, string callId, string mailbox);

    [LoggerMessage(EventId = 6022, Level = LogLevel.Error, Message = "Call {CallId} failed")]
    private static partial void LogCallFailed(ILogger logger, string callId, Exception exception);
}
