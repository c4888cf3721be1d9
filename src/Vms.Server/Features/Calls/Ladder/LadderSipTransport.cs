using System.Net;
using Vms.Sip.Transport;

namespace Vms.Server.Features.Calls.Ladder;

/// <summary>A SIP transport that shows every message it carries to the ladder store, then passes it on unchanged.</summary>
internal sealed class LadderSipTransport : ISipTransport
{
    private readonly ISipTransport _inner;
    private readonly SipLadderStore _store;

    public LadderSipTransport(ISipTransport inner, SipLadderStore store)
    {
        _inner = inner;
        _store = store;
    }

    public SipTransportProtocol Protocol => _inner.Protocol;

    public IPEndPoint LocalEndPoint => _inner.LocalEndPoint;

    public bool IsReliable => _inner.IsReliable;

    public void Start(Action<SipPacket> onPacket)
    {
        ArgumentNullException.ThrowIfNull(onPacket);
        _inner.Start(packet =>
        {
            _store.Record(packet.Data.Span, outgoing: false, _inner.LocalEndPoint, packet.Remote);
            onPacket(packet with { Transport = this });
        });
    }

    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, IPEndPoint remote, CancellationToken cancellationToken = default)
    {
        _store.Record(data.Span, outgoing: true, _inner.LocalEndPoint, remote);
        return _inner.SendAsync(data, remote, cancellationToken);
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
