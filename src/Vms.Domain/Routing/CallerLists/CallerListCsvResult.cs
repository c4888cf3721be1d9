namespace Vms.Domain.Routing.CallerLists;

/// <summary>
/// The good values (normalised: E.164 or "prefix*") and every bad row. The caller decides: import nothing when
/// <see cref="Errors"/> is not empty, or import <see cref="Values"/> and report the errors.
/// </summary>
public sealed record CallerListCsvResult(IReadOnlyList<string> Values, IReadOnlyList<CsvRowError> Errors, string? FileError)
{
    public bool IsClean => FileError is null && Errors.Count == 0;
}
