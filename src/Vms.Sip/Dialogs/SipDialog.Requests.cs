using System.Net;
using Vms.Sip.Headers;
using Vms.Sip.Messages;
using Vms.Sip.Transport;

namespace Vms.Sip.Dialogs;

/// <summary>Building in-dialog requests and the end-to-end ACK of a 2xx.</summary>
public sealed partial class SipDialog
{
    /// <summary>Sends the ACK for a 2xx to INVITE (RFC 3261 §13.2.2.4), optionally with a body (late offer answer).</summary>
    public async Task SendAckAsync(SipResponse response, ReadOnlyMemory<byte> body = default, string? contentType = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var cseq = response.CSeq?.Number ?? _localSequence;
        var ack = BuildRequest(SipMethods.Ack, cseq);
        if (!body.IsEmpty)
        {
            ack.Body = body;
            ack.Headers.Add(HeaderKind.ContentType, contentType ?? "application/sdp");
        }

        var target = await _endpoint.ResolveAsync(ack, cancellationToken);
        if (target is null)
        {
            return;
        }

        var (transport, remote) = target.Value;
        var via = SipVia.Create(transport.Protocol == SipTransportProtocol.Tcp ? "TCP" : "UDP", _endpoint.GetAdvertisedHost(transport),
            transport.LocalEndPoint.Port, SipIds.NewBranch());
        ack.Headers.Insert(0, SipHeaderField.Create(HeaderKind.Via, via.ToString()));
        var bytes = ack.ToBytes();
        lock (_lock)
        {
            _lastAck = new AckRecord(cseq, bytes, transport, remote);
        }

        _endpoint.SendBytes(bytes, transport, remote, null);
    }

    /// <summary>A retransmitted 2xx arrived: send the same ACK again.</summary>
    internal void ResendAck(uint cseq)
    {
        AckRecord? record;
        lock (_lock)
        {
            record = _lastAck;
        }

        if (record is not null && record.CSeq == cseq)
        {
            _endpoint.SendBytes(record.Bytes, record.Transport, record.Remote, null);
        }
    }

    private SipRequest BuildRequest(string method, uint cseq)
    {
        var request = new SipRequest(method, RemoteTarget);
        foreach (var route in RouteSet)
        {
            request.Headers.Add(HeaderKind.Route, route.ToString());
        }

        request.Headers.Add(HeaderKind.From, LocalParty.ToString());
        request.Headers.Add(HeaderKind.To, RemoteParty.ToString());
        request.Headers.Add(HeaderKind.CallId, CallId);
        request.Headers.Add(HeaderKind.CSeq, SipCSeq.Format(cseq, method));
        request.Headers.Add(HeaderKind.MaxForwards, "70");
        if (method is SipMethods.Invite or SipMethods.Update or SipMethods.Notify or SipMethods.Refer)
        {
            var protocol = RemoteTarget.Transport == "tcp" ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp;
            if (_endpoint.FindTransport(protocol, null) is not null)
            {
                request.Headers.Add(HeaderKind.Contact, "<" + _endpoint.GetContactUri(LocalParty.Uri.User, protocol) + ">");
            }
        }

        return request;
    }

    private sealed record AckRecord(uint CSeq, byte[] Bytes, ISipTransport Transport, IPEndPoint Remote);
}
