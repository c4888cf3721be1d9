using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>
/// One node of a compiled plan. Targets are node indexes, -1 = none. Meaning of the slots by kind:
/// time: Next = otherwise, Alt1 = holiday; caller/called: Next = otherwise; menu: Alt1 = onTimeout,
/// Alt2 = onInvalid, Int1 = timeout s, Int2 = max repeats, Text = prompt; forward: Next = default,
/// Alt1..Alt5 = busy, no answer, failed, capacity, site down, Text = E.164, Text2 = presented number, Int1 = ring
/// timeout s, Int2 = max calls (0 unlimited), Site = site index; announcement: Text = prompt, Next; agent group:
/// Text = group, Next; voicemail: Text = mailbox, Text2 = greeting; reject: Int1 = reason.
/// </summary>
internal readonly struct CompiledNode
{
    public NodeKind Kind { get; init; }

    public int RuleStart { get; init; }

    public int RuleCount { get; init; }

    public int Next { get; init; }

    public int Alt1 { get; init; }

    public int Alt2 { get; init; }

    public int Alt3 { get; init; }

    public int Alt4 { get; init; }

    public int Alt5 { get; init; }

    public string? Text { get; init; }

    public string? Text2 { get; init; }

    public int Site { get; init; }

    public int Int1 { get; init; }

    public int Int2 { get; init; }

    public PresentedCliKind Cli { get; init; }
}
