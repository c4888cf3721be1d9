namespace Vms.Server.Features.Calls.Limits;

/// <summary>Allowed, or refused by a scope with the time after which a retry may pass (for Retry-After).</summary>
internal readonly record struct RateLimitDecision(bool Allowed, RateLimitScope Scope, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow { get; } = new(true, RateLimitScope.None, TimeSpan.Zero);

    /// <summary>Retry-After in whole seconds (at least 1), as SIP wants it.</summary>
    public int RetryAfterSeconds => RetryAfter == TimeSpan.MaxValue
        ? 3600
        : Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
