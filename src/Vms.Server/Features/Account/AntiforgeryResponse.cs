namespace Vms.Server.Features.Account;

/// <summary>An antiforgery token for a form post (field name and value).</summary>
public sealed record AntiforgeryResponse(string FormFieldName, string? HeaderName, string Token);
