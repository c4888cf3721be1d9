namespace Vms.Domain.Routing.Model;

/// <summary>Fixed or mobile line, as libphonenumber classifies a number.</summary>
public enum LineType
{
    Unknown,
    Fixed,
    Mobile,
}
