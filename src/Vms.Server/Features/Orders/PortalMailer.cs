using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Orders;

/// <summary>
/// Sends the portal's e-mails (welcome messages, order delay notices) through SMTP with MailKit, or into
/// data/outbox when no SMTP host is set.
/// </summary>
public sealed class PortalMailer(IOptions<SmtpOptions> smtp, IOptions<VmsOptions> vms)
{
    /// <summary>Sends a welcome message; returns null on success or the reason it failed.</summary>
    public Task<string?> SendAsync(WelcomeContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return SendAsync(content.RecipientName, content.RecipientEmail, $"Welcome to VMS — {content.CustomerName}", content.Lines, cancellationToken);
    }

    /// <summary>Sends a plain-text message; returns null on success or the reason it failed.</summary>
    public async Task<string?> SendAsync(string recipientName, string recipientEmail, string subject, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        try
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(smtp.Value.From));
            message.To.Add(new MailboxAddress(recipientName, recipientEmail));
            message.Subject = subject;
            message.Body = new TextPart("plain") { Text = string.Join("\n", lines) };
            if (string.IsNullOrWhiteSpace(smtp.Value.Host))
            {
                var outbox = Path.Combine(vms.Value.DataDirectory, "outbox");
                Directory.CreateDirectory(outbox);
                await message.WriteToAsync(Path.Combine(outbox, $"{message.MessageId}.eml"), cancellationToken);
                return null;
            }

            using var client = new SmtpClient();
            await client.ConnectAsync(smtp.Value.Host, smtp.Value.Port, smtp.Value.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Value.UserName))
            {
                await client.AuthenticateAsync(smtp.Value.UserName, smtp.Value.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is ParseException or IOException or System.Net.Sockets.SocketException or MailKit.CommandException or MailKit.ProtocolException or AuthenticationException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
