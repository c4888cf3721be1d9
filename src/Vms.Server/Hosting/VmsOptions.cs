namespace Vms.Server.Hosting;

/// <summary>The host's settings (section "Vms").</summary>
public sealed class VmsOptions
{
    /// <summary>Where the SQLite file, keys, letters and the mail outbox live.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The portal address given in welcome messages.</summary>
    public string PortalUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Seed demo customers and users at start-up.</summary>
    public bool DemoMode { get; set; }

    /// <summary>Mark cookies Secure always (production behind TLS); otherwise Secure when the request is HTTPS.</summary>
    public bool SecureCookies { get; set; }

    /// <summary>Argon2id memory per password hash, in KiB (OWASP: 19456).</summary>
    public int Argon2MemoryKib { get; set; } = 19456;

    /// <summary>Argon2id passes per password hash (OWASP: 2).</summary>
    public int Argon2Iterations { get; set; } = 2;

    /// <summary>Inactivity after which a session ends (P1).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Total length after which a session ends, active or not (P1).</summary>
    public TimeSpan SessionAbsoluteTimeout { get; set; } = TimeSpan.FromMinutes(480);
}
