using PublicHoliday;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>
/// Belgian public holidays from the PublicHoliday package, computed once for 2000–2099 into a sorted array of
/// DateOnly.DayNumber values so that a lookup is a binary search without allocation.
/// </summary>
public static class BelgianHolidays
{
    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    private static readonly int[] Days = Compute();

    public static bool IsHoliday(DateOnly day) => Array.BinarySearch(Days, day.DayNumber) >= 0;

    internal static bool IsHoliday(int dayNumber) => Array.BinarySearch(Days, dayNumber) >= 0;

    /// <summary>The holidays of one year (for the portal's calendar view).</summary>
    public static IReadOnlyList<DateOnly> Of(int year) =>
        [.. Days.Select(DateOnly.FromDayNumber).Where(d => d.Year == year)];

    private static int[] Compute()
    {
        var calendar = new BelgiumPublicHoliday();
        var days = new List<int>();
        for (var year = FirstYear; year <= LastYear; year++)
        {
            days.AddRange(calendar.PublicHolidays(year).Select(d => DateOnly.FromDateTime(d).DayNumber));
        }

        days.Sort();
        return [.. days.Distinct()];
    }
}
