namespace Vms.Server.Features.Routing;

/// <summary>A refused CSV row.</summary>
public sealed record CsvRowErrorDto(int Line, string Text, string Reason);
