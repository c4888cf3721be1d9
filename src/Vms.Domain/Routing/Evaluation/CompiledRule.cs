using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>
/// One rule/branch/option of a compiled node. String ranges index <see cref="CompiledPlan.Strings"/>.
/// </summary>
internal readonly struct CompiledRule
{
    public int Target { get; init; }

    /// <summary>Time: bit (1 &lt;&lt; DayOfWeek) per allowed day; 0x7F = every day.</summary>
    public byte DaysMask { get; init; }

    /// <summary>Time: minutes since midnight, -1 when the rule has no time window; To is exclusive (1440 = 24:00).</summary>
    public int FromMinute { get; init; }

    public int ToMinute { get; init; }

    /// <summary>Time: DateOnly.DayNumber bounds, inclusive.</summary>
    public int DateFrom { get; init; }

    public int DateTo { get; init; }

    /// <summary>Caller: -1 any, 0 presented only, 1 withheld only.</summary>
    public sbyte Withheld { get; init; }

    /// <summary>Caller: Unknown = any.</summary>
    public LineType LineType { get; init; }

    public int PrefixStart { get; init; }

    public int PrefixCount { get; init; }

    public int CountryStart { get; init; }

    public int CountryCount { get; init; }

    public int ZoneStart { get; init; }

    public int ZoneCount { get; init; }

    /// <summary>Caller: the only prefix / zone when there is exactly one (saves an indirection on the hot path).</summary>
    public string? Prefix1 { get; init; }

    public string? Zone1 { get; init; }

    /// <summary>Caller: list id; called: unused.</summary>
    public string? List { get; init; }

    /// <summary>Split: cumulative weight up to and including this branch.</summary>
    public int CumulativeWeight { get; init; }

    /// <summary>Menu: the key.</summary>
    public char Digit { get; init; }
}
