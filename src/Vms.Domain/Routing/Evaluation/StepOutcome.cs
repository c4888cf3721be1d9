namespace Vms.Domain.Routing.Evaluation;

/// <summary>The outcome of a step, reported by the call layer to <see cref="RouteEvaluation.Next"/>.</summary>
public readonly record struct StepOutcome(OutcomeKind Kind, char Digit = '\0')
{
    public static StepOutcome Answered => new(OutcomeKind.Answered);

    public static StepOutcome Busy => new(OutcomeKind.Busy);

    public static StepOutcome NoAnswer => new(OutcomeKind.NoAnswer);

    public static StepOutcome Failed => new(OutcomeKind.Failed);

    public static StepOutcome Completed => new(OutcomeKind.Completed);

    public static StepOutcome Timeout => new(OutcomeKind.Timeout);

    public static StepOutcome Key(char digit) => new(OutcomeKind.Digit, digit);
}
