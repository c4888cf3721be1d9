namespace Vms.Server.Features.Orders;

/// <summary>Where e-mail goes (section "Smtp"). With no host, messages are written to data/outbox as .eml files.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "VMS <no-reply@vms.local>";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool StartTls { get; set; }
}
