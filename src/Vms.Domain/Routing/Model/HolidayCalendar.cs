namespace Vms.Domain.Routing.Model;

/// <summary>Which public-holiday calendar the tree's time nodes use.</summary>
public enum HolidayCalendar
{
    /// <summary>Belgian public holidays (PublicHoliday package).</summary>
    Belgium,

    /// <summary>No public holidays; closing days only.</summary>
    None,
}
