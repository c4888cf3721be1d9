namespace Vms.Domain.Numbers;

/// <summary>A number accepted in E.164 form, or the reason it was refused.</summary>
public sealed record NumberParseResult(string? E164, string? Error)
{
    public bool IsValid => E164 is not null;
}
