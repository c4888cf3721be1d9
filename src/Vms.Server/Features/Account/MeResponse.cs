namespace Vms.Server.Features.Account;

/// <summary>Who is signed in, and what they may do.</summary>
public sealed record MeResponse(Guid UserId, string UserName, Guid? CustomerId, bool IsOperator, IReadOnlyList<string> Rights);
