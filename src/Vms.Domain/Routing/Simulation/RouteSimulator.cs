using Vms.Domain.Routing.Evaluation;
using Vms.Domain.Routing.Numbers;

namespace Vms.Domain.Routing.Simulation;

/// <summary>Runs the real evaluator on a compiled plan with assumed outcomes (pure; for the portal and support).</summary>
public static class RouteSimulator
{
    private const int MaxSteps = 64;

    /// <summary>Simulates the request; the steps and the explanation are written with <paramref name="phrases"/> (English by default).</summary>
    public static SimulationResult Simulate(CompiledPlan plan, SimulationRequest request, ExplanationPhrases? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        var p = phrases ?? ExplanationPhrases.English;
        if (request.LocalTime.Year is < 2000 or > 2099)
        {
            return new SimulationResult([], EndReason.None, [], "The date must be between 2000 and 2099.");
        }

        var local = DateTime.SpecifyKind(request.LocalTime, DateTimeKind.Unspecified);
        if (plan.TimeZone.IsInvalidTime(local))
        {
            local = local.AddHours(1); // In the spring-forward gap: that wall time does not exist; take the hour after.
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(local, plan.TimeZone);
        var called = NumberAnalysis.TryE164(request.Called, out var e164) ? e164 : request.Called;
        var state = new AssumedState(plan, request);
        var context = new CallContext(new DateTimeOffset(utc, TimeSpan.Zero), NumberAnalysis.AnalyseCaller(request.Caller), called)
        {
            Lists = state,
            Live = state,
            Random = new Random(request.Seed),
        };

        var route = RouteEvaluation.Start(plan, context);
        var steps = new List<SimulatedStep>();
        var digit = 0;
        while (!route.IsFinished && steps.Count < MaxSteps)
        {
            var step = route.Current;
            OutcomeKind? assumed = step.Kind switch
            {
                StepKind.Forward => request.ForwardOutcomes.TryGetValue(step.NodeId ?? string.Empty, out var o) ? o : OutcomeKind.Answered,
                StepKind.Queue => request.QueueOutcome,
                StepKind.CollectDigit => digit < request.Digits.Count && request.Digits[digit].Length == 1
                    ? OutcomeKind.Digit : OutcomeKind.Timeout,
                StepKind.Play or StepKind.Voicemail => OutcomeKind.Completed,
                _ => null,
            };
            var key = assumed == OutcomeKind.Digit ? request.Digits[digit][0] : '\0';
            if (step.Kind == StepKind.CollectDigit)
            {
                digit++;
            }

            steps.Add(new SimulatedStep(step.Kind, step.NodeId, Describe(p, step, key), assumed));
            route.Next(new StepOutcome(assumed ?? OutcomeKind.Completed, key));
        }

        return new SimulationResult(steps, route.Current.EndReason, RouteExplainer.Explain(route, p),
            route.IsFinished ? null : $"Stopped after {MaxSteps} steps.");
    }

    private static string Describe(ExplanationPhrases p, RouteStep step, char key) => step.Kind switch
    {
        StepKind.Forward => p.Format(p.StepForward, step.Number, step.TimeoutSeconds, step.PresentedCli ?? p.StepWithheld),
        StepKind.Play => p.Format(p.StepPlay, step.Prompt),
        StepKind.CollectDigit => p.Format(p.StepMenu, step.Prompt, step.Attempt, key == '\0' ? p.StepNoKey : p.Format(p.StepKey, key)),
        StepKind.Queue => p.Format(p.StepQueue, step.Target),
        StepKind.Voicemail => p.Format(p.StepVoicemail, step.Target),
        StepKind.Reject => p.Format(p.StepReject, p.Reason(step.RejectReason)),
        StepKind.HangUp => p.StepHangUp,
        _ => step.Kind.ToString(),
    };

    private sealed class AssumedState(CompiledPlan plan, SimulationRequest request) : ICallerListLookup, IRouteLiveState
    {
        public bool Contains(Guid customerId, string listId, in CallerInfo caller) => request.CallerLists.Contains(listId);

        public bool IsSiteDown(Guid customerId, string siteId) => request.SitesDown.Contains(siteId);

        public int ActiveCalls(Guid customerId, string destination)
        {
            foreach (var node in plan.Source.Nodes)
            {
                if (node is Model.ForwardNode f && request.FullDestinations.Contains(f.Id)
                    && NumberAnalysis.NormalisePrefix(f.Number) == destination)
                {
                    return int.MaxValue;
                }
            }

            return 0;
        }

        public int ActiveSiteCalls(Guid customerId, string siteId) => 0;
    }
}
