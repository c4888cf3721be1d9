using PublicHoliday;

namespace Vms.Domain.Orders;

/// <summary>Working days in Belgium: Monday to Friday, public holidays excluded.</summary>
public static class BelgianCalendar
{
    /// <summary>The activation target of an order (IMP2): 15 working days.</summary>
    public const int ActivationTargetWorkingDays = 15;

    private static readonly BelgiumPublicHoliday Holidays = new();

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !Holidays.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The day that is <paramref name="workingDays"/> working days after <paramref name="start"/>.</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var day = start;
        var left = workingDays;
        while (left > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>The activation target date of an order placed on <paramref name="orderedOn"/>.</summary>
    public static DateOnly ActivationTarget(DateOnly orderedOn) => AddWorkingDays(orderedOn, ActivationTargetWorkingDays);
}
