using Vms.Domain.Orders;

namespace Vms.Domain.Tests.Tenancy;

public sealed class BelgianCalendarTests
{
    [Fact]
    public void ActivationTarget_PlainWeeks_IsThreeWeeksLater() =>
        Assert.Equal(new DateOnly(2026, 3, 2), BelgianCalendar.ActivationTarget(new DateOnly(2026, 2, 9)));

    [Fact]
    public void ActivationTarget_AcrossChristmasAndNewYear_SkipsHolidays() =>
        // Mon 2026-12-14 + 15 working days: 25 Dec and 1 Jan are public holidays.
        Assert.Equal(new DateOnly(2027, 1, 6), BelgianCalendar.ActivationTarget(new DateOnly(2026, 12, 14)));

    [Theory]
    [InlineData(2026, 7, 21, false)]
    [InlineData(2026, 7, 22, true)]
    [InlineData(2026, 7, 25, false)]
    public void IsWorkingDay_BelgianNationalDayAndWeekend_AreNot(int y, int m, int d, bool expected) =>
        Assert.Equal(expected, BelgianCalendar.IsWorkingDay(new DateOnly(y, m, d)));
}
