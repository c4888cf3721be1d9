namespace Vms.Server.Features.Calls.Limits;

/// <summary>Explosive traffic (REQUIREMENTS B4): how many new calls per second a number and a source may bring.</summary>
public sealed class CallRateLimitOptions
{
    /// <summary>New calls per second to one called number (sustained).</summary>
    public double PerNumberPerSecond { get; set; } = 20;

    /// <summary>Calls to one number accepted at once above the sustained rate.</summary>
    public double PerNumberBurst { get; set; } = 40;

    /// <summary>New calls per second from one source (signalling peer address); generous, a trunk carries many numbers.</summary>
    public double PerSourcePerSecond { get; set; } = 2000;

    /// <summary>Calls from one source accepted at once above the sustained rate.</summary>
    public double PerSourceBurst { get; set; } = 4000;

    /// <summary>Buckets idle (full) this long are forgotten.</summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Set false to switch the limits off (benchmarks).</summary>
    public bool Enabled { get; set; } = true;
}
