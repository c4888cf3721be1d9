using System.Globalization;
using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>
/// Renders an evaluation's trace as sentences ("Sat 14:05 → 'closed' because ..."), in English or in the language of
/// the <see cref="ExplanationPhrases"/> given. Allocates; not for the hot path.
/// </summary>
public static class RouteExplainer
{
    public static IReadOnlyList<string> Explain(RouteEvaluation evaluation, ExplanationPhrases? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var p = phrases ?? ExplanationPhrases.English;
        var plan = evaluation.Plan;
        var context = evaluation.Context;
        var local = evaluation.LocalTime;
        var moment = new Moment(local.ToString("ddd yyyy-MM-dd", p.Culture), local.ToString("ddd yyyy-MM-dd HH:mm", p.Culture));
        var lines = new List<string>
        {
            p.Format(p.Header, moment.Time, plan.TimeZone.Id, local.ToString("zzz", CultureInfo.InvariantCulture), context.Caller.E164 ?? p.WithheldNumber, context.Called),
        };
        foreach (var e in evaluation.Trace)
        {
            lines.Add(Line(p, plan, evaluation, e, moment));
        }

        return lines;
    }

    private static string Line(ExplanationPhrases p, CompiledPlan plan, RouteEvaluation evaluation, TraceEntry e, Moment moment)
    {
        var nodes = plan.Source.Nodes;
        var node = e.Node >= 0 && e.Node < nodes.Count ? nodes[e.Node] : null;
        var name = node is null ? "?" : $"'{node.DisplayName}'";
        var to = e.Target >= 0 ? $"'{nodes[e.Target].DisplayName}'" : p.HangUpTarget;
        var caller = evaluation.Context.Caller;
        var called = evaluation.Context.Called;
        return e.Kind switch
        {
            TraceKind.Holiday => p.Format(p.Holiday, name, moment.Day, to),
            TraceKind.ClosingDay => p.Format(p.ClosingDay, name, moment.Day, to),
            TraceKind.TimeRule => p.Format(p.TimeRule, name, moment.Time, TimeRuleText(p, node, e.Detail), to),
            TraceKind.TimeOtherwise => p.Format(p.TimeOtherwise, name, moment.Time, to),
            TraceKind.CallerRule => p.Format(p.CallerRule, name, CallerText(p, caller), CallerRuleText(p, node, e.Detail), to),
            TraceKind.CallerOtherwise => p.Format(p.CallerOtherwise, name, CallerText(p, caller), to),
            TraceKind.CalledRule => p.Format(p.CalledRule, name, called, e.Detail + 1, to),
            TraceKind.CalledOtherwise => p.Format(p.CalledOtherwise, name, called, to),
            TraceKind.Split => p.Format(p.Split, name, SplitText(p, node, e.Detail), to),
            TraceKind.MenuPlayed => p.Format(p.MenuPlayed, name, e.Detail),
            TraceKind.MenuKey => p.Format(p.MenuKey, name, (char)e.Detail, to),
            TraceKind.MenuInvalid => p.Format(p.MenuInvalid, name, (char)e.Detail),
            TraceKind.MenuTimeout => p.Format(p.MenuTimeout, name),
            TraceKind.MenuGaveUp => p.Format(e.Detail == 1 ? p.MenuGaveUpAfterInvalid : p.MenuGaveUpAfterTimeout, name, to),
            TraceKind.SiteDown => p.Format(p.SiteDown, name, plan.SiteIds[e.Detail], to),
            TraceKind.Capacity => p.Format(p.Capacity, name, e.Detail, to),
            TraceKind.SiteCapacity => p.Format(p.SiteCapacity, name, e.Detail, to),
            TraceKind.Forward => p.Format(p.Forward, name, (node as ForwardNode)?.Number),
            TraceKind.ForwardOutcome => p.Format(p.ForwardOutcome, name, OutcomeText(p, (OutcomeKind)e.Detail), to),
            TraceKind.Announcement => e.Target >= 0
                ? p.Format(p.AnnouncementThenContinue, name, (node as AnnouncementNode)?.Prompt, to)
                : p.Format(p.AnnouncementThenHangUp, name, (node as AnnouncementNode)?.Prompt),
            TraceKind.Queue => p.Format(p.Queue, name, (node as AgentGroupNode)?.Group),
            TraceKind.QueueOutcome => p.Format(p.QueueOutcome, name, OutcomeText(p, (OutcomeKind)e.Detail), to),
            TraceKind.Voicemail => p.Format(p.Voicemail, name, (node as VoicemailNode)?.Mailbox),
            TraceKind.Reject => p.Format(p.Reject, name, p.Reason((RejectReason)e.Detail)),
            TraceKind.HangUp => p.Format(p.HangUp, name),
            TraceKind.Connected => p.Format(p.Connected, name),
            _ => p.Format(p.HopLimit, name),
        };
    }

    private static string OutcomeText(ExplanationPhrases p, OutcomeKind kind) => kind switch
    {
        OutcomeKind.Busy => p.Busy,
        OutcomeKind.NoAnswer => p.NoAnswer,
        _ => p.Failed,
    };

    private static string CallerText(ExplanationPhrases p, Numbers.CallerInfo caller) => caller.IsWithheld
        ? p.Withheld
        : $"{caller.E164} ({caller.Region ?? "?"}, {p.Line(caller.LineType)}"
          + (caller.Zone is null ? ")" : $", zone 0{caller.Zone})");

    private static string TimeRuleText(ExplanationPhrases p, RouteNode? node, int rule)
    {
        if (node is not TimeNode t || rule < 0 || rule >= t.Rules.Count)
        {
            return p.AnyRule;
        }

        var r = t.Rules[rule];
        var days = r.Days.Count == 0 ? p.EveryDay : string.Join(",", r.Days.Select(d => p.Culture.DateTimeFormat.GetAbbreviatedDayName(d)));
        var hours = r.From is { } f && r.To is { } to
            ? $" {f.ToString("HH:mm", CultureInfo.InvariantCulture)}–{(to == TimeOnly.MaxValue ? "24:00" : to.ToString("HH:mm", CultureInfo.InvariantCulture))}"
            : string.Empty;
        var label = r.Label is null ? string.Empty : $"'{r.Label}' ";
        return p.Format(p.TimeRuleText, label, days, hours);
    }

    private static string CallerRuleText(ExplanationPhrases p, RouteNode? node, int rule) =>
        node is CallerNode c && rule >= 0 && rule < c.Rules.Count && c.Rules[rule].Label is { } label
            ? p.Format(p.NamedRule, label)
            : p.Format(p.NumberedRule, rule + 1);

    private static string SplitText(ExplanationPhrases p, RouteNode? node, int branch)
    {
        if (node is not SplitNode s || branch < 0 || branch >= s.Branches.Count)
        {
            return p.Format(p.NumberedBranch, branch + 1);
        }

        var total = s.Branches.Sum(b => b.Weight);
        var b = s.Branches[branch];
        var share = total > 0 ? 100.0 * b.Weight / total : 0;
        return p.Format(p.Branch, b.Label ?? (branch + 1).ToString(CultureInfo.InvariantCulture), share.ToString("0.#", p.Culture));
    }

    /// <summary>The call's local day ("Sat 2026-11-28") and time ("Sat 2026-11-28 14:05"), in the phrases' culture.</summary>
    private readonly record struct Moment(string Day, string Time);
}
