using Vms.Server.Features.Calls.Limits;

namespace Vms.Server.Features.Calls;

/// <summary>A call node without the web host and database: SIP port, gateway, the published trees per number.</summary>
public sealed class StandaloneCallNodeOptions
{
    public int SipPort { get; set; }

    /// <summary>The outbound gateway ("sip:127.0.0.1:5080").</summary>
    public string Gateway { get; set; } = "";

    /// <summary>Digest credentials for the gateway's challenges.</summary>
    public string? GatewayUsername { get; set; }

    public string? GatewayPassword { get; set; }

    public int RtpMinPort { get; set; } = 42000;

    public int RtpMaxPort { get; set; } = 43999;

    /// <summary>Published trees: called number → (customer, tree JSON).</summary>
    public IDictionary<string, (Guid Customer, string TreeJson)> Trees { get; } = new Dictionary<string, (Guid, string)>(StringComparer.Ordinal);

    public CallRateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Keep a SIP ladder per call (off for benchmarks).</summary>
    public bool Ladder { get; set; } = true;

    /// <summary>Overload guard: most calls at once (0: derived from the RTP range and the open-file limit).</summary>
    public int MaxConcurrentCalls { get; set; }

    public int OverloadRetryAfterSeconds { get; set; } = 5;

    /// <summary>RTP sockets (real UDP when null); tests inject failures here.</summary>
    public Vms.Media.Transport.IRtpSocketFactory? RtpSockets { get; set; }

    /// <summary>Dial a REFER's SIP URI directly (else only its number, through the gateway).</summary>
    public bool TransferToSipUris { get; set; }

    public string PromptsFolder { get; set; } = Path.Combine("data", "prompts");

    /// <summary>Call-control timers and limits (media timeout, ring and transfer timeouts), as the host's <c>Calls</c> settings give them.</summary>
    public Vms.Telephony.TelephonyOptions Telephony { get; set; } = new();
}
