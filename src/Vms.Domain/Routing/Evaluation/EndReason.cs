namespace Vms.Domain.Routing.Evaluation;

/// <summary>Why routing ended (valid on <see cref="StepKind.Done"/>).</summary>
public enum EndReason
{
    None,
    Connected,
    Voicemail,
    Rejected,
    HungUp,

    /// <summary>The plan looped beyond the hop limit (only possible with an unvalidated plan).</summary>
    LoopLimit,
}
