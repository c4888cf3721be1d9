using System.Collections.Concurrent;
using System.Net;
using Vms.Sip.Dialogs;
using Vms.Sip.Headers;
using Vms.Sip.Messages;
using Vms.Sip.Transactions;
using Vms.Sip.Transport;
using Vms.Sip.Uris;

namespace Vms.Sip;

/// <summary>
/// A SIP user agent core over one or more transports: transactions (RFC 3261 §17), dialogs (§12), CANCEL (§9).
/// <list type="bullet">
/// <item>UAC: <see cref="SendRequestAsync"/> (any request) or <see cref="InviteAsync"/> (INVITE creating a <see cref="SipDialog"/>).</item>
/// <item>UAS: set <see cref="RequestHandler"/>; each request arrives as a <see cref="SipIncomingRequest"/> to answer.</item>
/// <item>B2BUA: answer the incoming side from the handler while placing the outgoing side with <see cref="InviteAsync"/>.</item>
/// </list>
/// Malformed input never throws: it is answered 400/505 when possible, otherwise dropped and counted.
/// </summary>
public sealed partial class SipEndpoint : IAsyncDisposable, ITransactionHost
{
    private readonly ConcurrentDictionary<string, ClientTransaction> _clientTransactions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServerTransaction> _serverTransactions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServerTransaction> _acceptedInvites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _mergeKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SipIncomingRequest> _pendingInvites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SipDialog> _dialogs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClientTransaction> _cancelWhenProvisional = new(StringComparer.Ordinal);
    private readonly List<ISipTransport> _transports = [];

    /// <summary>Creates an endpoint; add transports with <see cref="AddTransport"/>.</summary>
    public SipEndpoint(SipEndpointOptions? options = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? new SipEndpointOptions();
        Options.Validate();
        Time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The options.</summary>
    public SipEndpointOptions Options { get; }

    /// <summary>The clock of every timer of this endpoint.</summary>
    public TimeProvider Time { get; }

    /// <summary>Counters.</summary>
    public SipEndpointStatistics Statistics { get; } = new();

    /// <summary>
    /// Handles requests (other than ACK and CANCEL, which the endpoint handles). The handler must answer through
    /// <see cref="SipIncomingRequest.RespondAsync(SipResponse)"/> before its task completes; a request left without a
    /// final response then gets 500, and a handler that throws gets 500 too. In-dialog requests go to
    /// <see cref="SipDialog.RequestHandler"/> when the dialog has one.
    /// </summary>
    public Func<SipIncomingRequest, Task>? RequestHandler { get; set; }

    /// <summary>The transports, in the order added.</summary>
    public IReadOnlyList<ISipTransport> Transports
    {
        get
        {
            lock (_transports)
            {
                return _transports.ToArray();
            }
        }
    }

    /// <summary>Live client transactions (for tests and monitoring).</summary>
    public int ClientTransactionCount => _clientTransactions.Count;

    /// <summary>Live server transactions (for tests and monitoring).</summary>
    public int ServerTransactionCount => _serverTransactions.Count;

    /// <summary>Live dialogs, early ones included.</summary>
    public int DialogCount => _dialogs.Count;

    TimeProvider ITransactionHost.Time => Time;

    /// <summary>Adds a transport and starts receiving on it.</summary>
    public void AddTransport(ISipTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        lock (_transports)
        {
            _transports.Add(transport);
        }

        transport.Start(OnPacket);
    }

    /// <summary>The host written in Via and Contact for a transport.</summary>
    public string GetAdvertisedHost(ISipTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        var address = transport.LocalEndPoint.Address;
        return Options.AdvertisedHost is { } h && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            ? h
            : address.ToString();
    }

    /// <summary>A Contact URI of this endpoint for a protocol (<c>sip:user@host:port[;transport=tcp]</c>).</summary>
    public SipUri GetContactUri(string? user = null, SipTransportProtocol protocol = SipTransportProtocol.Udp)
    {
        var transport = FindTransport(protocol, null) ?? throw new InvalidOperationException("No transport for " + protocol);
        var uri = new SipUri(SipUriScheme.Sip, user, GetAdvertisedHost(transport), transport.LocalEndPoint.Port);
        return protocol == SipTransportProtocol.Tcp ? uri.WithParameter("transport", "tcp") : uri;
    }

    /// <summary>
    /// Creates an out-of-dialog request with a new Call-ID, a From tag, CSeq 1, Max-Forwards 70 and a Contact of this endpoint.
    /// </summary>
    public SipRequest CreateRequest(string method, SipUri requestUri, NameAddress from, NameAddress to, uint cseq = 1)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var protocol = requestUri.Transport == "tcp" ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp;
        var transport = FindTransport(protocol, null) ?? FindTransport(SipTransportProtocol.Udp, null);
        var host = transport is null ? "localhost" : GetAdvertisedHost(transport);
        var request = new SipRequest(method, requestUri);
        request.Headers.Add(HeaderKind.From, (from.Tag is null ? from.WithTag(SipIds.NewTag()) : from).ToString());
        request.Headers.Add(HeaderKind.To, to.ToString());
        request.Headers.Add(HeaderKind.CallId, SipIds.NewCallId(host));
        request.Headers.Add(HeaderKind.CSeq, SipCSeq.Format(cseq, method));
        request.Headers.Add(HeaderKind.MaxForwards, "70");
        if (transport is not null && method != SipMethods.Cancel && method != SipMethods.Ack)
        {
            request.Headers.Add(HeaderKind.Contact, "<" + GetContactUri(from.Uri.User, transport.Protocol) + ">");
        }

        return request;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var t in _clientTransactions.Values)
        {
            t.Terminate();
        }

        foreach (var t in _serverTransactions.Values)
        {
            t.Terminate();
        }

        foreach (var d in _dialogs.Values)
        {
            d.MarkTerminated();
        }

        foreach (var transport in Transports)
        {
            await transport.DisposeAsync();
        }
    }

    void ITransactionHost.Send(ReadOnlyMemory<byte> data, ISipTransport transport, IPEndPoint remote, Action? onError) =>
        SendBytes(data, transport, remote, onError);

    void ITransactionHost.Remove(ClientTransaction transaction) =>
        _clientTransactions.TryRemove(new KeyValuePair<string, ClientTransaction>(transaction.Key, transaction));

    void ITransactionHost.Remove(ServerTransaction transaction)
    {
        _serverTransactions.TryRemove(new KeyValuePair<string, ServerTransaction>(transaction.Key, transaction));
        if (transaction.MergeKey is { } mk)
        {
            _mergeKeys.TryRemove(new KeyValuePair<string, string>(mk, transaction.Key));
        }

        if (transaction.AcceptedKey is { } ak)
        {
            _acceptedInvites.TryRemove(new KeyValuePair<string, ServerTransaction>(ak, transaction));
        }

        _pendingInvites.TryRemove(transaction.Key, out _);
    }

    internal void SendBytes(ReadOnlyMemory<byte> data, ISipTransport transport, IPEndPoint remote, Action? onError)
    {
        var pending = transport.SendAsync(data, remote);
        if (pending.IsCompletedSuccessfully)
        {
            if (!pending.Result)
            {
                Statistics.CountSendError();
                onError?.Invoke();
            }

            return;
        }

        _ = AwaitSend(pending, onError);

        static async Task AwaitSend(ValueTask<bool> pending, Action? onError)
        {
            bool ok;
            try
            {
                ok = await pending;
            }
#pragma warning disable CA1031 // A send failure of any kind is a transport error for the transaction.
            catch (Exception)
#pragma warning restore CA1031
            {
                ok = false;
            }

            if (!ok)
            {
                onError?.Invoke();
            }
        }
    }

    internal void RegisterDialog(SipDialog dialog) => _dialogs[dialog.Key] = dialog;

    internal void UnregisterDialog(SipDialog dialog) =>
        _dialogs.TryRemove(new KeyValuePair<string, SipDialog>(dialog.Key, dialog));

    internal ISipTransport? FindTransport(SipTransportProtocol protocol, System.Net.Sockets.AddressFamily? family)
    {
        lock (_transports)
        {
            return _transports.FirstOrDefault(t => t.Protocol == protocol && (family is null || t.LocalEndPoint.AddressFamily == family))
                ?? _transports.FirstOrDefault(t => t.Protocol == protocol);
        }
    }

}
