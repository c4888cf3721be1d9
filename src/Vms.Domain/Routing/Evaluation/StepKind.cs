namespace Vms.Domain.Routing.Evaluation;

/// <summary>What the call layer must do next.</summary>
public enum StepKind
{
    /// <summary>Dial <see cref="RouteStep.Number"/> for <see cref="RouteStep.TimeoutSeconds"/>; report Answered, Busy, NoAnswer or Failed.</summary>
    Forward,

    /// <summary>Play <see cref="RouteStep.Prompt"/>; report Completed (or Failed).</summary>
    Play,

    /// <summary>Play <see cref="RouteStep.Prompt"/> and collect one key within <see cref="RouteStep.TimeoutSeconds"/>; report Digit or Timeout.</summary>
    CollectDigit,

    /// <summary>Queue to ACM group <see cref="RouteStep.Target"/>; report Answered, or Failed/NoAnswer when the queue gives up.</summary>
    Queue,

    /// <summary>Record a message into mailbox <see cref="RouteStep.Target"/> after greeting <see cref="RouteStep.Prompt"/>; report Completed.</summary>
    Voicemail,

    /// <summary>Refuse the call with <see cref="RouteStep.RejectReason"/>; routing is over.</summary>
    Reject,

    /// <summary>Hang up; routing is over.</summary>
    HangUp,

    /// <summary>Nothing more to do (connected, voicemail taken, rejected or hung up): see <see cref="RouteStep.EndReason"/>.</summary>
    Done,
}
