using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Vms.Server.Tests.Support;

/// <summary>A real SMTP server (the SmtpServer package) on a free loopback port, keeping what it receives.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    public TestSmtpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The next message received (waits up to 30 seconds).</summary>
    public async Task<MimeMessage> NextMessageAsync()
    {
        var message = await _store.Messages.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        return message;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public System.Threading.Channels.Channel<MimeMessage> Messages { get; } = System.Threading.Channels.Channel.CreateUnbounded<MimeMessage>();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            await Messages.Writer.WriteAsync(message, cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
