using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Json;

/// <summary>The JSON spelling of the model's enums (shared by reader, writer and schema).</summary>
internal static class JsonNames
{
    public static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.Ordinal)
    {
        ["mon"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday,
    };

    public static readonly Dictionary<string, LineType> LineTypes = new(StringComparer.Ordinal)
    {
        ["fixed"] = LineType.Fixed,
        ["mobile"] = LineType.Mobile,
    };

    public static readonly Dictionary<string, PresentedCliKind> PresentedCli = new(StringComparer.Ordinal)
    {
        ["caller"] = PresentedCliKind.Caller,
        ["called"] = PresentedCliKind.Called,
        ["number"] = PresentedCliKind.Number,
    };

    public static readonly Dictionary<string, RejectReason> RejectReasons = new(StringComparer.Ordinal)
    {
        ["busy"] = RejectReason.Busy,
        ["rejected"] = RejectReason.Rejected,
        ["unavailable"] = RejectReason.Unavailable,
    };

    public static readonly Dictionary<string, HolidayCalendar> Calendars = new(StringComparer.Ordinal)
    {
        ["BE"] = HolidayCalendar.Belgium,
        ["none"] = HolidayCalendar.None,
    };

    public static readonly string[] NodeTypes =
        ["time", "caller", "called", "split", "menu", "forward", "announcement", "agentGroup", "voicemail", "reject"];

    public static string Name<T>(Dictionary<string, T> names, T value)
        where T : struct, Enum =>
        names.First(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Key;
}
