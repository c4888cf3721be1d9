using System.Net;
using Vms.Sip.Transport;

namespace Vms.Sip.Transactions;

/// <summary>What a transaction needs from the endpoint: time, options, sending, and removal from the tables.</summary>
internal interface ITransactionHost
{
    TimeProvider Time { get; }

    SipEndpointOptions Options { get; }

    /// <summary>Sends bytes; <paramref name="onError"/> is called when the transport reports an error.</summary>
    void Send(ReadOnlyMemory<byte> data, ISipTransport transport, IPEndPoint remote, Action? onError);

    void Remove(ClientTransaction transaction);

    void Remove(ServerTransaction transaction);
}
