namespace Vms.Domain.Routing.Model;

/// <summary>
/// Forward to a national fixed or mobile number, with dynamic branches (TRM3). A branch that is not set falls back
/// to <see cref="Default"/>; with neither, the call is hung up (validation refuses that).
/// </summary>
public sealed record ForwardNode : RouteNode
{
    public override string Type => "forward";

    public required string Number { get; init; }

    /// <summary>Declared line type; when set, validation checks the number really is of that type.</summary>
    public LineType? LineType { get; init; }

    public int RingTimeoutSeconds { get; init; } = 20;

    public PresentedCliKind PresentedCli { get; init; } = PresentedCliKind.Caller;

    public string? PresentedNumber { get; init; }

    /// <summary>Site (group of destinations) this destination belongs to.</summary>
    public string? Site { get; init; }

    /// <summary>Maximum simultaneous calls to this destination (null: unlimited).</summary>
    public int? MaxCalls { get; init; }

    public string? OnBusy { get; init; }

    public string? OnNoAnswer { get; init; }

    public string? OnFailed { get; init; }

    public string? OnCapacity { get; init; }

    public string? OnSiteDown { get; init; }

    public string? Default { get; init; }

    public override IEnumerable<NodeReference> References()
    {
        if (OnBusy is not null)
        {
            yield return new NodeReference(OnBusy, "onBusy");
        }

        if (OnNoAnswer is not null)
        {
            yield return new NodeReference(OnNoAnswer, "onNoAnswer");
        }

        if (OnFailed is not null)
        {
            yield return new NodeReference(OnFailed, "onFailed");
        }

        if (OnCapacity is not null)
        {
            yield return new NodeReference(OnCapacity, "onCapacity");
        }

        if (OnSiteDown is not null)
        {
            yield return new NodeReference(OnSiteDown, "onSiteDown");
        }

        if (Default is not null)
        {
            yield return new NodeReference(Default, "default");
        }
    }
}
