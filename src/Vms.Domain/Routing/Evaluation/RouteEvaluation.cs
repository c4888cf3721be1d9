using Vms.Domain.Routing.Model;
using Vms.Domain.Routing.Numbers;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>
/// The route evaluator: a deterministic step machine over a <see cref="CompiledPlan"/>.
/// <code>
/// var route = RouteEvaluation.Start(plan, context);   // route.Current is the first step
/// while (!route.IsFinished) { var outcome = Execute(route.Current); route.Next(outcome); }
/// </code>
/// Conditions (time, caller, called, split) and dynamic checks before a forward (site down, capacity) are decided
/// internally; only steps that need the call layer are yielded. Every decision is appended to <see cref="Trace"/>
/// (render it with <see cref="RouteExplainer"/>). Not thread-safe: one instance per call. <see cref="Restart"/>
/// reuses an instance; after the first calls nothing is allocated per evaluation.
/// </summary>
public sealed class RouteEvaluation
{
    private TraceEntry[] _trace = new TraceEntry[32];
    private int _traceCount;
    private CompiledPlan _plan = null!;
    private CallContext _context;
    private CallerInfo _caller;
    private int _node = -1;
    private int _attempt;
    private int _dayNumber;
    private int _minute;
    private DayOfWeek _dayOfWeek;
    private RouteStep _current;

    private RouteEvaluation()
    {
    }

    public RouteStep Current => _current;

    public bool IsFinished => _current.Kind == StepKind.Done;

    public ReadOnlySpan<TraceEntry> Trace => _trace.AsSpan(0, _traceCount);

    public CompiledPlan Plan => _plan;

    public CallContext Context => _context;

    /// <summary>The call's instant in the plan's time zone (DST-aware).</summary>
    public DateTimeOffset LocalTime { get; private set; }

    public static RouteEvaluation Start(CompiledPlan plan, in CallContext context)
    {
        var evaluation = new RouteEvaluation();
        evaluation.Restart(plan, context);
        return evaluation;
    }

    /// <summary>Starts again for another call (reuses the trace buffer).</summary>
    public RouteStep Restart(CompiledPlan plan, in CallContext context)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        _context = context;
        _caller = context.Caller;
        _traceCount = 0;
        _node = -1;
        _attempt = 0;
        var local = TimeZoneInfo.ConvertTime(context.Time, plan.TimeZone);
        LocalTime = local;
        _dayNumber = DateOnly.FromDateTime(local.DateTime).DayNumber;
        _minute = (local.Hour * 60) + local.Minute;
        _dayOfWeek = local.DayOfWeek;
        _current = Walk(plan.Root, -1);
        return _current;
    }

    /// <summary>Reports the outcome of <see cref="Current"/> and returns the next step.</summary>
    public RouteStep Next(StepOutcome outcome)
    {
        _current = Advance(outcome);
        return _current;
    }

    private RouteStep Advance(StepOutcome outcome)
    {
        switch (_current.Kind)
        {
            case StepKind.Done:
                return _current;
            case StepKind.Reject:
                return Done(EndReason.Rejected);
            case StepKind.HangUp:
                return Done(EndReason.HungUp);
            default:
                break;
        }

        var at = _node;
        ref readonly var n = ref _plan.Nodes[at];
        switch (n.Kind)
        {
            case NodeKind.Forward:
                if (outcome.Kind == OutcomeKind.Answered)
                {
                    Record(at, TraceKind.Connected, 0, -1);
                    return Done(EndReason.Connected);
                }

                var branch = outcome.Kind switch
                {
                    OutcomeKind.Busy => n.Alt1,
                    OutcomeKind.NoAnswer => n.Alt2,
                    _ => n.Alt3,
                };
                var target = branch >= 0 ? branch : n.Next;
                var kind = outcome.Kind is OutcomeKind.Busy or OutcomeKind.NoAnswer ? outcome.Kind : OutcomeKind.Failed;
                Record(at, TraceKind.ForwardOutcome, (int)kind, target);
                return Walk(target, at);
            case NodeKind.Menu:
                return MenuOutcome(at, in n, outcome);
            case NodeKind.AgentGroup:
                if (outcome.Kind == OutcomeKind.Answered)
                {
                    Record(at, TraceKind.Connected, 0, -1);
                    return Done(EndReason.Connected);
                }

                Record(at, TraceKind.QueueOutcome, (int)outcome.Kind, n.Next);
                return Walk(n.Next, at);
            case NodeKind.Voicemail:
                return Done(EndReason.Voicemail);
            default:
                // Announcement: continue or hang up.
                return Walk(n.Next, at);
        }
    }

    private RouteStep MenuOutcome(int at, in CompiledNode n, StepOutcome outcome)
    {
        var invalid = outcome.Kind == OutcomeKind.Digit;
        if (invalid)
        {
            var rules = _plan.Rules;
            for (var r = n.RuleStart; r < n.RuleStart + n.RuleCount; r++)
            {
                if (rules[r].Digit == outcome.Digit)
                {
                    Record(at, TraceKind.MenuKey, outcome.Digit, rules[r].Target);
                    return Walk(rules[r].Target, at);
                }
            }

            Record(at, TraceKind.MenuInvalid, outcome.Digit, -1);
        }
        else
        {
            Record(at, TraceKind.MenuTimeout, _attempt, -1);
        }

        if (_attempt <= n.Int2)
        {
            _attempt++;
            Record(at, TraceKind.MenuPlayed, _attempt, -1);
            return CollectStep(at, in n);
        }

        var target = invalid ? n.Alt2 : n.Alt1;
        Record(at, TraceKind.MenuGaveUp, invalid ? 1 : 0, target);
        return Walk(target, at);
    }

    private RouteStep Walk(int node, int from)
    {
        var nodes = _plan.Nodes;
        var rules = _plan.Rules;
        for (var hops = 0; hops <= nodes.Length; hops++)
        {
            if (node < 0)
            {
                Record(from, TraceKind.HangUp, 0, -1);
                _node = from;
                return new RouteStep(StepKind.HangUp, from >= 0 ? _plan.NodeIds[from] : null);
            }

            ref readonly var n = ref nodes[node];
            var next = -1;
            switch (n.Kind)
            {
                case NodeKind.Time:
                    next = TimeBranch(node, in n);
                    break;
                case NodeKind.Caller:
                    next = n.Next;
                    var callerRule = -1;
                    var lists = _context.Lists;
                    for (int r = n.RuleStart, end = n.RuleStart + n.RuleCount; r < end; r++)
                    {
                        if (ConditionMatcher.MatchesCaller(_plan, in rules[r], in _caller, lists))
                        {
                            callerRule = r - n.RuleStart;
                            next = rules[r].Target;
                            break;
                        }
                    }

                    Record(node, callerRule >= 0 ? TraceKind.CallerRule : TraceKind.CallerOtherwise, callerRule, next);
                    break;
                case NodeKind.Called:
                    next = n.Next;
                    var calledRule = -1;
                    for (var r = n.RuleStart; r < n.RuleStart + n.RuleCount; r++)
                    {
                        if (ConditionMatcher.MatchesCalled(_plan, in rules[r], _context.Called))
                        {
                            calledRule = r - n.RuleStart;
                            next = rules[r].Target;
                            break;
                        }
                    }

                    Record(node, calledRule >= 0 ? TraceKind.CalledRule : TraceKind.CalledOtherwise, calledRule, next);
                    break;
                case NodeKind.Split:
                    var roll = n.Int1 > 0 ? (_context.Random ?? Random.Shared).Next(n.Int1) : 0;
                    for (var r = n.RuleStart; r < n.RuleStart + n.RuleCount; r++)
                    {
                        if (roll < rules[r].CumulativeWeight)
                        {
                            next = rules[r].Target;
                            Record(node, TraceKind.Split, r - n.RuleStart, next);
                            break;
                        }
                    }

                    break;
                case NodeKind.Forward:
                    if (ForwardBlocked(node, in n, out next))
                    {
                        break;
                    }

                    _node = node;
                    Record(node, TraceKind.Forward, 0, -1);
                    return new RouteStep(StepKind.Forward, _plan.NodeIds[node])
                    {
                        Number = n.Text,
                        TimeoutSeconds = n.Int1,
                        PresentedCli = n.Cli switch
                        {
                            PresentedCliKind.Caller => _context.Caller.E164,
                            PresentedCliKind.Called => _context.Called,
                            _ => n.Text2,
                        },
                        Site = n.Site >= 0 ? _plan.SiteIds[n.Site] : null,
                    };
                default:
                    return Action(node, in n);
            }

            from = node;
            node = next;
        }

        Record(node, TraceKind.LoopLimit, 0, -1);
        return Done(EndReason.LoopLimit);
    }

    private RouteStep Action(int node, in CompiledNode n)
    {
        _node = node;
        var id = _plan.NodeIds[node];
        switch (n.Kind)
        {
            case NodeKind.Menu:
                _attempt = 1;
                Record(node, TraceKind.MenuPlayed, 1, -1);
                return CollectStep(node, in n);
            case NodeKind.Announcement:
                Record(node, TraceKind.Announcement, 0, n.Next);
                return new RouteStep(StepKind.Play, id) { Prompt = n.Text };
            case NodeKind.AgentGroup:
                Record(node, TraceKind.Queue, 0, -1);
                return new RouteStep(StepKind.Queue, id) { Target = n.Text };
            case NodeKind.Voicemail:
                Record(node, TraceKind.Voicemail, 0, -1);
                return new RouteStep(StepKind.Voicemail, id) { Target = n.Text, Prompt = n.Text2 };
            default:
                Record(node, TraceKind.Reject, n.Int1, -1);
                return new RouteStep(StepKind.Reject, id) { RejectReason = (RejectReason)n.Int1 };
        }
    }

    private RouteStep CollectStep(int node, in CompiledNode n) =>
        new(StepKind.CollectDigit, _plan.NodeIds[node]) { Prompt = n.Text, TimeoutSeconds = n.Int1, Attempt = _attempt };

    private int TimeBranch(int node, in CompiledNode n)
    {
        if (n.Alt1 >= 0)
        {
            if (_plan.UsesBelgianHolidays && BelgianHolidays.IsHoliday(_dayNumber))
            {
                Record(node, TraceKind.Holiday, 0, n.Alt1);
                return n.Alt1;
            }

            if (Array.BinarySearch(_plan.ClosingDays, _dayNumber) >= 0)
            {
                Record(node, TraceKind.ClosingDay, 0, n.Alt1);
                return n.Alt1;
            }
        }

        var rules = _plan.Rules;
        for (var r = n.RuleStart; r < n.RuleStart + n.RuleCount; r++)
        {
            if (ConditionMatcher.MatchesTime(in rules[r], _dayNumber, _dayOfWeek, _minute))
            {
                Record(node, TraceKind.TimeRule, r - n.RuleStart, rules[r].Target);
                return rules[r].Target;
            }
        }

        Record(node, TraceKind.TimeOtherwise, -1, n.Next);
        return n.Next;
    }

    private bool ForwardBlocked(int node, in CompiledNode n, out int next)
    {
        next = -1;
        if (_context.Live is not { } live)
        {
            return false;
        }

        var customer = _plan.CustomerId;
        if (n.Site >= 0 && live.IsSiteDown(customer, _plan.SiteIds[n.Site]))
        {
            next = n.Alt5 >= 0 ? n.Alt5 : n.Next;
            Record(node, TraceKind.SiteDown, n.Site, next);
            return true;
        }

        if (n.Int2 > 0 && live.ActiveCalls(customer, n.Text!) is var calls && calls >= n.Int2)
        {
            next = n.Alt4 >= 0 ? n.Alt4 : n.Next;
            Record(node, TraceKind.Capacity, calls, next);
            return true;
        }

        if (n.Site >= 0 && _plan.SiteMaxCalls[n.Site] > 0
            && live.ActiveSiteCalls(customer, _plan.SiteIds[n.Site]) is var siteCalls
            && siteCalls >= _plan.SiteMaxCalls[n.Site])
        {
            next = n.Alt4 >= 0 ? n.Alt4 : n.Next;
            Record(node, TraceKind.SiteCapacity, siteCalls, next);
            return true;
        }

        return false;
    }

    private RouteStep Done(EndReason reason) =>
        new(StepKind.Done, _node >= 0 ? _plan.NodeIds[_node] : null) { EndReason = reason };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Record(int node, TraceKind kind, int detail, int target)
    {
        var trace = _trace;
        var count = _traceCount;
        if ((uint)count < (uint)trace.Length)
        {
            trace[count] = new TraceEntry(node, kind, detail, target);
            _traceCount = count + 1;
            return;
        }

        Grow(node, kind, detail, target);
    }

    private void Grow(int node, TraceKind kind, int detail, int target)
    {
        Array.Resize(ref _trace, _trace.Length * 2);
        _trace[_traceCount++] = new TraceEntry(node, kind, detail, target);
    }
}
