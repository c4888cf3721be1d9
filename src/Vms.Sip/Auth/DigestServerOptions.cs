namespace Vms.Sip.Auth;

/// <summary>Options of <see cref="DigestAuthenticator"/>.</summary>
public sealed record DigestServerOptions
{
    /// <summary>The realm.</summary>
    public string Realm { get; init; } = "vms";

    /// <summary>How long a nonce stays valid.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Algorithms offered, most preferred first (one challenge each, RFC 8760 §2.4).</summary>
    public IReadOnlyList<string> Algorithms { get; init; } = ["SHA-256", "MD5"];
}
