using Vms.Domain.Routing.Model;
using Vms.Domain.Routing.Numbers;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>Allocation-free matching of compiled rules against a call.</summary>
internal static class ConditionMatcher
{
    public static bool MatchesTime(in CompiledRule rule, int dayNumber, DayOfWeek day, int minute)
    {
        if (dayNumber < rule.DateFrom || dayNumber > rule.DateTo)
        {
            return false;
        }

        if (rule.FromMinute < 0)
        {
            return (rule.DaysMask & (1 << (int)day)) != 0;
        }

        if (rule.FromMinute < rule.ToMinute)
        {
            return (rule.DaysMask & (1 << (int)day)) != 0 && minute >= rule.FromMinute && minute < rule.ToMinute;
        }

        // Over midnight (22:00–06:00): the evening belongs to the listed day, the morning to the day after it.
        if (minute >= rule.FromMinute)
        {
            return (rule.DaysMask & (1 << (int)day)) != 0;
        }

        var previous = day == DayOfWeek.Sunday ? DayOfWeek.Saturday : day - 1;
        return minute < rule.ToMinute && (rule.DaysMask & (1 << (int)previous)) != 0;
    }

    public static bool MatchesCaller(CompiledPlan plan, in CompiledRule rule, in CallerInfo caller, ICallerListLookup? lists)
    {
        if (rule.Withheld >= 0 && (rule.Withheld == 1) != caller.IsWithheld)
        {
            return false;
        }

        if (rule.LineType != LineType.Unknown && rule.LineType != caller.LineType)
        {
            return false;
        }

        var strings = plan.Strings;
        if (rule.PrefixCount > 0)
        {
            if (rule.Prefix1 is { } prefix
                ? caller.E164 is not { } number || !number.StartsWith(prefix, StringComparison.Ordinal)
                : !AnyPrefix(strings, rule.PrefixStart, rule.PrefixCount, caller.E164))
            {
                return false;
            }
        }

        if (rule.CountryCount > 0 && !AnyEqual(strings, rule.CountryStart, rule.CountryCount, caller.Region))
        {
            return false;
        }

        if (rule.ZoneCount > 0 && (rule.Zone1 is { } zone
                ? !string.Equals(zone, caller.Zone, StringComparison.Ordinal)
                : !AnyEqual(strings, rule.ZoneStart, rule.ZoneCount, caller.Zone)))
        {
            return false;
        }

        if (rule.List is { } list)
        {
            return !caller.IsWithheld && lists is not null && lists.Contains(plan.CustomerId, list, caller);
        }

        return true;
    }

    public static bool MatchesCalled(CompiledPlan plan, in CompiledRule rule, string? called) =>
        AnyEqual(plan.Strings, rule.PrefixStart, rule.PrefixCount, called);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool AnyPrefix(string[] strings, int start, int count, string? value)
    {
        if (value is null)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (value.AsSpan().StartsWith(strings[i]))
            {
                return true;
            }
        }

        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool AnyEqual(string[] strings, int start, int count, string? value)
    {
        if (value is null)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (value.AsSpan().SequenceEqual(strings[i]))
            {
                return true;
            }
        }

        return false;
    }
}
