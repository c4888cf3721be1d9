namespace Vms.Domain.Routing.Evaluation;

/// <summary>What happened to a step.</summary>
public enum OutcomeKind
{
    Answered,
    Busy,
    NoAnswer,
    Failed,

    /// <summary>A prompt or voicemail finished.</summary>
    Completed,

    /// <summary>A key was pressed (<see cref="StepOutcome.Digit"/>).</summary>
    Digit,

    /// <summary>No key within the timeout.</summary>
    Timeout,
}
