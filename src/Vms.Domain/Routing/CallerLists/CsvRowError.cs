namespace Vms.Domain.Routing.CallerLists;

/// <summary>A refused CSV row: 1-based line number, the text of the row and why.</summary>
public sealed record CsvRowError(int Line, string Text, string Reason);
