using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Numbers;

/// <summary>
/// The caller, analysed once per call (libphonenumber) so that evaluation itself does no parsing:
/// E.164 number, ISO region, fixed/mobile and Belgian zone (area code without the trunk 0).
/// </summary>
public readonly record struct CallerInfo(string? E164, string? Region, LineType LineType, string? Zone)
{
    /// <summary>A call whose CLI is withheld or absent.</summary>
    public static CallerInfo Withheld => default;

    public bool IsWithheld => E164 is null;
}
