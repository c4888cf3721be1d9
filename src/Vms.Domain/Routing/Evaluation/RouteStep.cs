using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>One instruction for the call layer (see <see cref="StepKind"/> for which fields apply).</summary>
public readonly record struct RouteStep(StepKind Kind, string? NodeId)
{
    /// <summary>Forward: destination in E.164.</summary>
    public string? Number { get; init; }

    /// <summary>Forward: caller id to present (E.164), null = withheld.</summary>
    public string? PresentedCli { get; init; }

    /// <summary>Forward: ring timeout; CollectDigit: wait for a key.</summary>
    public int TimeoutSeconds { get; init; }

    /// <summary>Play/CollectDigit: prompt name; Voicemail: greeting (may be null).</summary>
    public string? Prompt { get; init; }

    /// <summary>Queue: ACM group; Voicemail: mailbox.</summary>
    public string? Target { get; init; }

    /// <summary>Forward: site id of the destination, if any (for live counters).</summary>
    public string? Site { get; init; }

    /// <summary>CollectDigit: 1 for the first play, 2 for the first repeat, ...</summary>
    public int Attempt { get; init; }

    public RejectReason RejectReason { get; init; }

    public EndReason EndReason { get; init; }

    public bool IsFinal => Kind is StepKind.Done;
}
