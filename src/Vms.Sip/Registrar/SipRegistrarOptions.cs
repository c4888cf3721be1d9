namespace Vms.Sip.Registrar;

/// <summary>Options of <see cref="SipRegistrar"/>.</summary>
public sealed record SipRegistrarOptions
{
    /// <summary>Shortest accepted registration (423 with Min-Expires below it).</summary>
    public TimeSpan MinExpires { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest granted registration.</summary>
    public TimeSpan MaxExpires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Used when the REGISTER gives no expiry.</summary>
    public TimeSpan DefaultExpires { get; init; } = TimeSpan.FromHours(1);
}
