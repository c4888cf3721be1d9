using System.Globalization;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>
/// The sentences of <see cref="RouteExplainer"/> and of the simulator's step descriptions, as composite format
/// strings, so that the portal can explain a route in the customer's language. The defaults are English; a
/// translation overrides every property (see the portal's resources). Placeholders are documented per sentence.
/// </summary>
public sealed record ExplanationPhrases
{
    /// <summary>The English sentences (the call records' trace always uses these).</summary>
    public static readonly ExplanationPhrases English = new();

    /// <summary>Day names and dates are written in this culture.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>{0} local time, {1} time zone, {2} UTC offset, {3} caller, {4} called number.</summary>
    public string Header { get; init; } = "Call at {0} ({1}, UTC{2}) from {3} to {4}.";

    public string WithheldNumber { get; init; } = "a withheld number";

    public string Withheld { get; init; } = "(withheld)";

    /// <summary>Where a branch leads when it leads nowhere.</summary>
    public string HangUpTarget { get; init; } = "hang up";

    /// <summary>{0} node, {1} day, {2} target.</summary>
    public string Holiday { get; init; } = "{0}: {1} is a Belgian public holiday → {2}.";

    /// <summary>{0} node, {1} day, {2} target.</summary>
    public string ClosingDay { get; init; } = "{0}: {1} is a closing day → {2}.";

    /// <summary>{0} node, {1} time, {2} rule, {3} target.</summary>
    public string TimeRule { get; init; } = "{0}: {1} matches {2} → {3}.";

    /// <summary>{0} node, {1} time, {2} target.</summary>
    public string TimeOtherwise { get; init; } = "{0}: {1} matches no time rule → otherwise {2}.";

    /// <summary>{0} node, {1} caller, {2} rule, {3} target.</summary>
    public string CallerRule { get; init; } = "{0}: caller {1} matches {2} → {3}.";

    /// <summary>{0} node, {1} caller, {2} target.</summary>
    public string CallerOtherwise { get; init; } = "{0}: caller {1} matches no rule → otherwise {2}.";

    /// <summary>{0} node, {1} called number, {2} rule number, {3} target.</summary>
    public string CalledRule { get; init; } = "{0}: called number {1} matches rule {2} → {3}.";

    /// <summary>{0} node, {1} called number, {2} target.</summary>
    public string CalledOtherwise { get; init; } = "{0}: called number {1} matches no rule → otherwise {2}.";

    /// <summary>{0} node, {1} branch, {2} target.</summary>
    public string Split { get; init; } = "{0}: split drew {1} → {2}.";

    /// <summary>{0} node, {1} attempt.</summary>
    public string MenuPlayed { get; init; } = "{0}: menu played (attempt {1}), waiting for a key.";

    /// <summary>{0} node, {1} key, {2} target.</summary>
    public string MenuKey { get; init; } = "{0}: key '{1}' → {2}.";

    /// <summary>{0} node, {1} key.</summary>
    public string MenuInvalid { get; init; } = "{0}: key '{1}' is not an option.";

    public string MenuTimeout { get; init; } = "{0}: no key pressed in time.";

    /// <summary>{0} node, {1} target.</summary>
    public string MenuGaveUpAfterInvalid { get; init; } = "{0}: repeat limit reached after an invalid key → {1}.";

    /// <summary>{0} node, {1} target.</summary>
    public string MenuGaveUpAfterTimeout { get; init; } = "{0}: repeat limit reached after a timeout → {1}.";

    /// <summary>{0} node, {1} site, {2} target.</summary>
    public string SiteDown { get; init; } = "{0}: site '{1}' is marked down → {2}.";

    /// <summary>{0} node, {1} calls, {2} target.</summary>
    public string Capacity { get; init; } = "{0}: destination has {1} calls, its maximum → capacity branch {2}.";

    /// <summary>{0} node, {1} calls, {2} target.</summary>
    public string SiteCapacity { get; init; } = "{0}: site has {1} calls, its maximum → capacity branch {2}.";

    /// <summary>{0} node, {1} number.</summary>
    public string Forward { get; init; } = "{0}: forward to {1}.";

    /// <summary>{0} node, {1} outcome, {2} target.</summary>
    public string ForwardOutcome { get; init; } = "{0}: {1} → {2}.";

    /// <summary>{0} node, {1} prompt, {2} target.</summary>
    public string AnnouncementThenContinue { get; init; } = "{0}: play announcement '{1}', then continue to {2}.";

    /// <summary>{0} node, {1} prompt.</summary>
    public string AnnouncementThenHangUp { get; init; } = "{0}: play announcement '{1}', then hang up.";

    /// <summary>{0} node, {1} group.</summary>
    public string Queue { get; init; } = "{0}: queue to agent group '{1}'.";

    /// <summary>{0} node, {1} outcome, {2} target.</summary>
    public string QueueOutcome { get; init; } = "{0}: queue gave up ({1}) → {2}.";

    /// <summary>{0} node, {1} mailbox.</summary>
    public string Voicemail { get; init; } = "{0}: voicemail '{1}'.";

    /// <summary>{0} node, {1} reason.</summary>
    public string Reject { get; init; } = "{0}: reject the call ({1}).";

    public string HangUp { get; init; } = "{0}: no further branch → hang up.";

    public string Connected { get; init; } = "{0}: answered, call connected.";

    public string HopLimit { get; init; } = "{0}: routing stopped, hop limit reached.";

    public string Busy { get; init; } = "busy";

    public string NoAnswer { get; init; } = "no answer";

    public string Failed { get; init; } = "unreachable/failed";

    public string Rejected { get; init; } = "rejected";

    public string Unavailable { get; init; } = "unavailable";

    public string Fixed { get; init; } = "fixed";

    public string Mobile { get; init; } = "mobile";

    public string UnknownLine { get; init; } = "unknown";

    public string EveryDay { get; init; } = "every day";

    /// <summary>{0} label (with a trailing space) or nothing, {1} days, {2} hours (with a leading space) or nothing.</summary>
    public string TimeRuleText { get; init; } = "rule {0}({1}{2})";

    /// <summary>{0} label or number.</summary>
    public string NamedRule { get; init; } = "rule '{0}'";

    public string NumberedRule { get; init; } = "rule {0}";

    /// <summary>{0} label or number, {1} share in percent.</summary>
    public string Branch { get; init; } = "branch {0} ({1}%)";

    public string NumberedBranch { get; init; } = "branch {0}";

    public string AnyRule { get; init; } = "a rule";

    /// <summary>Simulator steps. {0} number, {1} ring seconds, {2} presented number.</summary>
    public string StepForward { get; init; } = "Forward to {0} (ring {1} s, presenting {2})";

    public string StepWithheld { get; init; } = "withheld";

    /// <summary>{0} prompt.</summary>
    public string StepPlay { get; init; } = "Play '{0}'";

    /// <summary>{0} prompt, {1} attempt, {2} key or "no key".</summary>
    public string StepMenu { get; init; } = "Menu '{0}' (attempt {1}): {2}";

    public string StepNoKey { get; init; } = "no key";

    /// <summary>{0} key.</summary>
    public string StepKey { get; init; } = "key {0}";

    /// <summary>{0} group.</summary>
    public string StepQueue { get; init; } = "Queue to agent group '{0}'";

    /// <summary>{0} mailbox.</summary>
    public string StepVoicemail { get; init; } = "Voicemail '{0}'";

    /// <summary>{0} reason.</summary>
    public string StepReject { get; init; } = "Reject ({0})";

    public string StepHangUp { get; init; } = "Hang up";

    /// <summary>Formats one of the sentences in <see cref="Culture"/>.</summary>
    public string Format(string format, params object?[] args) => string.Format(Culture, format, args);

    public string Reason(Model.RejectReason reason) => reason switch
    {
        Model.RejectReason.Busy => Busy,
        Model.RejectReason.Rejected => Rejected,
        _ => Unavailable,
    };

    public string Line(Model.LineType type) => type switch
    {
        Model.LineType.Fixed => Fixed,
        Model.LineType.Mobile => Mobile,
        _ => UnknownLine,
    };
}
