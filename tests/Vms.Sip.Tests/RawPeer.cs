using System.Net;
using System.Text;
using Vms.Sip.Messages;
using Vms.Sip.Transport;

namespace Vms.Sip.Tests;

/// <summary>A hand-driven peer on the in-memory network: sends raw text, records what it receives.</summary>
internal sealed class RawPeer
{
    private readonly InMemorySipTransport _transport;
    private readonly List<SipMessage> _received = [];

    public RawPeer(InMemorySipNetwork network, int port, Action<RawPeer, SipMessage>? onMessage = null)
    {
        _transport = network.CreateTransport(port);
        _transport.Start(p =>
        {
            var message = SipParser.Parse(p.Data).Message!;
            lock (_received)
            {
                _received.Add(message);
            }

            onMessage?.Invoke(this, message);
        });
    }

    public IReadOnlyList<SipMessage> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    public IReadOnlyList<SipResponse> Responses => Received.OfType<SipResponse>().ToList();

    public void Send(string text, int port = 5062) =>
        _ = _transport.SendAsync(Encoding.UTF8.GetBytes(text), new IPEndPoint(IPAddress.Loopback, port)).AsTask();

    public void Send(SipMessage message, int port) =>
        _ = _transport.SendAsync(message.ToBytes(), new IPEndPoint(IPAddress.Loopback, port)).AsTask();
}
