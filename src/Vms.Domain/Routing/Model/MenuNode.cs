namespace Vms.Domain.Routing.Model;

/// <summary>
/// DTMF menu: plays <see cref="Prompt"/> and waits <see cref="TimeoutSeconds"/> for one key. A timeout or an
/// invalid key replays the menu up to <see cref="MaxRepeats"/> times, then takes <see cref="OnTimeout"/> or
/// <see cref="OnInvalid"/> (hang up when not set).
/// </summary>
public sealed record MenuNode : RouteNode
{
    public override string Type => "menu";

    public required string Prompt { get; init; }

    public IReadOnlyList<MenuOption> Options { get; init; } = [];

    public int TimeoutSeconds { get; init; } = 5;

    public int MaxRepeats { get; init; } = 2;

    public string? OnTimeout { get; init; }

    public string? OnInvalid { get; init; }

    public override IEnumerable<NodeReference> References()
    {
        for (var i = 0; i < Options.Count; i++)
        {
            yield return new NodeReference(Options[i].Next, "options", i, "next");
        }

        if (OnTimeout is not null)
        {
            yield return new NodeReference(OnTimeout, "onTimeout");
        }

        if (OnInvalid is not null)
        {
            yield return new NodeReference(OnInvalid, "onInvalid");
        }
    }
}
