using System.Globalization;
using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>Renders an evaluation's trace as sentences ("Sat 14:05 → 'closed' because ..."). Allocates; not for the hot path.</summary>
public static class RouteExplainer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Explain(RouteEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var plan = evaluation.Plan;
        var context = evaluation.Context;
        var local = evaluation.LocalTime;
        var when = local.ToString("ddd yyyy-MM-dd HH:mm", Invariant);
        var lines = new List<string>
        {
            $"Call at {when} ({plan.TimeZone.Id}, UTC{local.ToString("zzz", Invariant)}) from "
            + $"{context.Caller.E164 ?? "a withheld number"} to {context.Called}.",
        };
        foreach (var e in evaluation.Trace)
        {
            lines.Add(Line(plan, evaluation, e, when));
        }

        return lines;
    }

    private static string Line(CompiledPlan plan, RouteEvaluation evaluation, TraceEntry e, string when)
    {
        var nodes = plan.Source.Nodes;
        var node = e.Node >= 0 && e.Node < nodes.Count ? nodes[e.Node] : null;
        var name = node is null ? "?" : $"'{node.DisplayName}'";
        var to = e.Target >= 0 ? $"'{nodes[e.Target].DisplayName}'" : "hang up";
        var caller = evaluation.Context.Caller;
        return e.Kind switch
        {
            TraceKind.Holiday => $"{name}: {when[..14]} is a Belgian public holiday → {to}.",
            TraceKind.ClosingDay => $"{name}: {when[..14]} is a closing day → {to}.",
            TraceKind.TimeRule => $"{name}: {when} matches {TimeRuleText(node, e.Detail)} → {to}.",
            TraceKind.TimeOtherwise => $"{name}: {when} matches no time rule → otherwise {to}.",
            TraceKind.CallerRule => $"{name}: caller {CallerText(caller)} matches {CallerRuleText(node, e.Detail)} → {to}.",
            TraceKind.CallerOtherwise => $"{name}: caller {CallerText(caller)} matches no rule → otherwise {to}.",
            TraceKind.CalledRule => $"{name}: called number {evaluation.Context.Called} matches rule {e.Detail + 1} → {to}.",
            TraceKind.CalledOtherwise => $"{name}: called number {evaluation.Context.Called} matches no rule → otherwise {to}.",
            TraceKind.Split => $"{name}: split drew {SplitText(node, e.Detail)} → {to}.",
            TraceKind.MenuPlayed => $"{name}: menu played (attempt {e.Detail}), waiting for a key.",
            TraceKind.MenuKey => $"{name}: key '{(char)e.Detail}' → {to}.",
            TraceKind.MenuInvalid => $"{name}: key '{(char)e.Detail}' is not an option.",
            TraceKind.MenuTimeout => $"{name}: no key pressed in time.",
            TraceKind.MenuGaveUp => $"{name}: repeat limit reached after {(e.Detail == 1 ? "an invalid key" : "a timeout")} → {to}.",
            TraceKind.SiteDown => $"{name}: site '{plan.SiteIds[e.Detail]}' is marked down → {to}.",
            TraceKind.Capacity => $"{name}: destination has {e.Detail} calls, its maximum → capacity branch {to}.",
            TraceKind.SiteCapacity => $"{name}: site has {e.Detail} calls, its maximum → capacity branch {to}.",
            TraceKind.Forward => $"{name}: forward to {(node as ForwardNode)?.Number}.",
            TraceKind.ForwardOutcome => $"{name}: {OutcomeText((OutcomeKind)e.Detail)} → {to}.",
            TraceKind.Announcement => $"{name}: play announcement '{(node as AnnouncementNode)?.Prompt}', then "
                + (e.Target >= 0 ? $"continue to {to}." : "hang up."),
            TraceKind.Queue => $"{name}: queue to agent group '{(node as AgentGroupNode)?.Group}'.",
            TraceKind.QueueOutcome => $"{name}: queue gave up ({OutcomeText((OutcomeKind)e.Detail)}) → {to}.",
            TraceKind.Voicemail => $"{name}: voicemail '{(node as VoicemailNode)?.Mailbox}'.",
            TraceKind.Reject => $"{name}: reject the call ({((RejectReason)e.Detail).ToString().ToLowerInvariant()}).",
            TraceKind.HangUp => $"{name}: no further branch → hang up.",
            TraceKind.Connected => $"{name}: answered, call connected.",
            _ => $"{name}: routing stopped, hop limit reached.",
        };
    }

    private static string OutcomeText(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Busy => "busy",
        OutcomeKind.NoAnswer => "no answer",
        _ => "unreachable/failed",
    };

    private static string CallerText(Numbers.CallerInfo caller) => caller.IsWithheld
        ? "(withheld)"
        : $"{caller.E164} ({caller.Region ?? "?"}, {caller.LineType.ToString().ToLowerInvariant()}"
          + (caller.Zone is null ? ")" : $", zone 0{caller.Zone})");

    private static string TimeRuleText(RouteNode? node, int rule)
    {
        if (node is not TimeNode t || rule < 0 || rule >= t.Rules.Count)
        {
            return "a rule";
        }

        var r = t.Rules[rule];
        var days = r.Days.Count == 0 ? "every day" : string.Join(",", r.Days.Select(d => d.ToString()[..3]));
        var hours = r.From is { } f && r.To is { } to
            ? $" {f.ToString("HH:mm", Invariant)}–{(to == TimeOnly.MaxValue ? "24:00" : to.ToString("HH:mm", Invariant))}"
            : string.Empty;
        var label = r.Label is null ? string.Empty : $"'{r.Label}' ";
        return $"rule {label}({days}{hours})";
    }

    private static string CallerRuleText(RouteNode? node, int rule) =>
        node is CallerNode c && rule >= 0 && rule < c.Rules.Count && c.Rules[rule].Label is { } label
            ? $"rule '{label}'"
            : $"rule {rule + 1}";

    private static string SplitText(RouteNode? node, int branch)
    {
        if (node is not SplitNode s || branch < 0 || branch >= s.Branches.Count)
        {
            return $"branch {branch + 1}";
        }

        var total = s.Branches.Sum(b => b.Weight);
        var b = s.Branches[branch];
        var share = total > 0 ? 100.0 * b.Weight / total : 0;
        return $"branch {b.Label ?? (branch + 1).ToString(Invariant)} ({share.ToString("0.#", Invariant)}%)";
    }
}
