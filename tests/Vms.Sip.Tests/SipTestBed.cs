using System.Net;
using Microsoft.Extensions.Time.Testing;
using Vms.Sip.Messages;
using Vms.Sip.Transport;
using Vms.Sip.Uris;

namespace Vms.Sip.Tests;

/// <summary>Two endpoints (UAC on port 5061, UAS on 5062) on an in-memory network with a fake clock.</summary>
internal sealed class SipTestBed : IAsyncDisposable
{
    public SipTestBed(SipTransportProtocol protocol = SipTransportProtocol.Udp)
    {
        Protocol = protocol;
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        Network = new InMemorySipNetwork();
        Network.DropFilter = p =>
        {
            lock (SendTimes)
            {
                SendTimes.Add((p, Time.GetUtcNow() - Start));
            }

            return Drop?.Invoke(p) == true;
        };
        Uac = new SipEndpoint(new SipEndpointOptions(), Time);
        Uac.AddTransport(Network.CreateTransport(5061, protocol));
        Uas = new SipEndpoint(new SipEndpointOptions(), Time);
        Uas.AddTransport(Network.CreateTransport(5062, protocol));
    }

    public SipTransportProtocol Protocol { get; }

    public FakeTimeProvider Time { get; }

    public DateTimeOffset Start { get; } = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public InMemorySipNetwork Network { get; }

    public SipEndpoint Uac { get; }

    public SipEndpoint Uas { get; }

    public Func<InMemoryPacket, bool>? Drop { get; set; }

    public List<(InMemoryPacket Packet, TimeSpan At)> SendTimes { get; } = [];

    public static IPEndPoint UasEndPoint { get; } = new(IPAddress.Loopback, 5062);

    public SipRequest NewRequest(string method, int port = 5062)
    {
        var suffix = Protocol == SipTransportProtocol.Tcp ? ";transport=tcp" : string.Empty;
        return Uac.CreateRequest(method, SipUri.Parse($"sip:bob@127.0.0.1:{port}{suffix}"),
            NameAddress.Parse("\"Alice\" <sip:alice@127.0.0.1>"), NameAddress.Parse("<sip:bob@127.0.0.1>"));
    }

    public List<TimeSpan> TimesOf(string firstLineStart)
    {
        lock (SendTimes)
        {
            return SendTimes.Where(s => s.Packet.FirstLine.StartsWith(firstLineStart, StringComparison.Ordinal)).Select(s => s.At).ToList();
        }
    }

    public int Count(string firstLineStart) => TimesOf(firstLineStart).Count;

    /// <summary>Advances the clock in small steps so that timers fire in order.</summary>
    public void Advance(TimeSpan total, TimeSpan? step = null)
    {
        var s = step ?? TimeSpan.FromMilliseconds(100);
        for (var t = TimeSpan.Zero; t < total; t += s)
        {
            Time.Advance(s);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Uac.DisposeAsync();
        await Uas.DisposeAsync();
    }
}
