namespace Vms.Server.Features.Routing;

/// <summary>
/// The result of a caller-list CSV upload: how many entries were imported (0 when refused), and every bad row.
/// </summary>
public sealed record CsvImportDto(Guid ListId, int Imported, bool Refused, string? FileError, IReadOnlyList<CsvRowErrorDto> Errors);
