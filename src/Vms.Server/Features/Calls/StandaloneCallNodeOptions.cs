using Vms.Server.Features.Calls.Limits;

namespace Vms.Server.Features.Calls;

/// <summary>A call node without the web host and database: SIP port, gateway, the published trees per number.</summary>
public sealed class StandaloneCallNodeOptions
{
    public int SipPort { get; set; }

    /// <summary>The outbound gateway ("sip:127.0.0.1:5080").</summary>
    public string Gateway { get; set; } = "";

    public int RtpMinPort { get; set; } = 42000;

    public int RtpMaxPort { get; set; } = 43999;

    /// <summary>Published trees: called number → (customer, tree JSON).</summary>
    public IDictionary<string, (Guid Customer, string TreeJson)> Trees { get; } = new Dictionary<string, (Guid, string)>(StringComparer.Ordinal);

    public CallRateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Keep a SIP ladder per call (off for benchmarks).</summary>
    public bool Ladder { get; set; } = true;

    public string PromptsFolder { get; set; } = Path.Combine("data", "prompts");
}
