namespace Vms.Domain.Common;

/// <summary>One offending field of a request and why it was refused.</summary>
public sealed record FieldError(string Field, string Message);
