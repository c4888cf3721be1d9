using System.Net;
using System.Net.Sockets;
using Vms.Sip.Headers;
using Vms.Sip.Messages;
using Vms.Sip.Transactions;
using Vms.Sip.Transport;
using Vms.Sip.Uris;

namespace Vms.Sip;

/// <summary>The client side: next-hop resolution, Via, client transactions, CANCEL.</summary>
public sealed partial class SipEndpoint
{
    /// <summary>
    /// Sends a request in a new client transaction and returns its final response. Provisional responses go to
    /// <paramref name="onProvisional"/>. Cancelling an INVITE sends CANCEL (after the first provisional, RFC 3261 §9.1)
    /// and the task then completes with the final response (usually 487); cancelling any other request stops
    /// waiting. A timeout gives 408, a transport error 503, no route 503 — never an exception.
    /// Extra 2xx responses of a forked INVITE are not acknowledged here: use <see cref="InviteAsync"/> for INVITEs that create dialogs.
    /// </summary>
    public async Task<SipResponse> SendRequestAsync(SipRequest request, Action<SipResponse>? onProvisional = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await SendOnceAsync(request, onProvisional, cancellationToken);
        for (var attempt = 0; attempt < 2 && TryAuthorize(request, response) is { } retry; attempt++)
        {
            request = retry;
            response = await SendOnceAsync(request, onProvisional, cancellationToken);
        }

        return response;
    }

    /// <summary>
    /// Credentials for answering 401/407 challenges (trunks, upstream registrars): called with the request and the
    /// challenge realm; return null to give up. When set, <see cref="SendRequestAsync"/> and <see cref="InviteAsync"/>
    /// retry once with credentials (RFC 3261 §22.2).
    /// </summary>
    public Func<SipRequest, string, Auth.SipCredentials?>? CredentialsProvider { get; set; }

    private SipRequest? TryAuthorize(SipRequest request, SipResponse response)
    {
        if (response.StatusCode is not (401 or 407) || CredentialsProvider is null || request.Method is SipMethods.Ack or SipMethods.Cancel)
        {
            return null;
        }

        var kind = response.StatusCode == 407 ? HeaderKind.ProxyAuthenticate : HeaderKind.WwwAuthenticate;
        var realm = response.Headers.GetTexts(kind).Select(t => Auth.DigestChallenge.TryParse(t, out var c) ? c!.Realm : null).FirstOrDefault(r => r is not null);
        var credentials = realm is null ? null : CredentialsProvider(request, realm);
        return credentials is null ? null : Auth.DigestClient.CreateAuthorizedRequest(request, response, credentials);
    }

    private async Task<SipResponse> SendOnceAsync(SipRequest request, Action<SipResponse>? onProvisional, CancellationToken cancellationToken)
    {
        var final = new TaskCompletionSource<SipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var transaction = await StartClientTransactionAsync(request, response =>
        {
            if (response.IsProvisional)
            {
                onProvisional?.Invoke(response);
            }
            else
            {
                final.TrySetResult(response);
            }
        }, cancellationToken);
        if (transaction is null)
        {
            return final.Task.IsCompleted ? await final.Task : SipResponse.CreateFor(request, 503, "Service Unavailable (no route)");
        }

        using var registration = cancellationToken.Register(() =>
        {
            if (transaction.IsInvite)
            {
                Cancel(transaction);
            }
            else
            {
                final.TrySetResult(SipResponse.CreateFor(request, 487, "Request Terminated (cancelled locally)"));
            }
        });
        return await final.Task;
    }

    /// <summary>Resolves the next hop, adds Via/Max-Forwards and starts a client transaction; null when there is no route.</summary>
    internal async Task<ClientTransaction?> StartClientTransactionAsync(SipRequest request, Action<SipResponse> onResponse, CancellationToken cancellationToken)
    {
        var target = await ResolveAsync(request, cancellationToken);
        if (target is null)
        {
            return null;
        }

        var (transport, remote) = target.Value;
        PrepareOutgoing(request, transport);
        var transaction = new ClientTransaction(this, request, transport, remote, (t, r) =>
        {
            if (t.IsInvite && _cancelWhenProvisional.TryRemove(t.Key, out _) && r.IsProvisional)
            {
                SendCancel(t);
            }

            onResponse(r);
        });
        _clientTransactions[transaction.Key] = transaction;
        transaction.Start();
        return transaction;
    }

    /// <summary>Sends CANCEL for an INVITE client transaction now, or as soon as a provisional arrives.</summary>
    internal void Cancel(ClientTransaction invite)
    {
        if (invite.State is not (TransactionState.Calling or TransactionState.Proceeding))
        {
            return;
        }

        if (invite.HasProvisional)
        {
            SendCancel(invite);
        }
        else
        {
            _cancelWhenProvisional[invite.Key] = invite;
        }
    }

    private void SendCancel(ClientTransaction invite)
    {
        var cancel = new SipRequest(SipMethods.Cancel, invite.Request.RequestUri!);
        foreach (var field in invite.Request.Headers)
        {
            if (field.Kind is HeaderKind.From or HeaderKind.To or HeaderKind.CallId or HeaderKind.Route or HeaderKind.MaxForwards)
            {
                cancel.Headers.Add(field);
            }
        }

        invite.Request.Headers.TryGetFirst(HeaderKind.Via, out var via);
        cancel.Headers.Insert(0, new SipHeaderField(HeaderKind.Via, HeaderNames.CanonicalBytes(HeaderKind.Via), via));
        cancel.Headers.Add(HeaderKind.CSeq, SipCSeq.Format(invite.Request.CSeq?.Number ?? 1, SipMethods.Cancel));
        var transaction = new ClientTransaction(this, cancel, invite.Transport, invite.Remote, (_, _) => { });
        if (_clientTransactions.TryAdd(transaction.Key, transaction))
        {
            transaction.Start();
        }
    }

    /// <summary>Adds the top Via (fresh branch, rport), Max-Forwards and User-Agent when missing.</summary>
    private void PrepareOutgoing(SipRequest request, ISipTransport transport)
    {
        if (request.Method != SipMethods.Ack && request.Method != SipMethods.Cancel || !request.Headers.Contains(HeaderKind.Via))
        {
            var via = SipVia.Create(transport.Protocol == SipTransportProtocol.Tcp ? "TCP" : "UDP", GetAdvertisedHost(transport),
                transport.LocalEndPoint.Port, SipIds.NewBranch());
            request.Headers.RemoveAll(HeaderKind.Via);
            request.Headers.Insert(0, SipHeaderField.Create(HeaderKind.Via, via.ToString()));
        }

        if (!request.Headers.Contains(HeaderKind.MaxForwards))
        {
            request.Headers.Add(HeaderKind.MaxForwards, "70");
        }

        if (!request.Headers.Contains(HeaderKind.UserAgent))
        {
            request.Headers.Add(HeaderKind.UserAgent, Options.UserAgent);
        }
    }

    /// <summary>Next hop (RFC 3261 §8.1.2, simplified RFC 3263): first loose Route, else the Request-URI; IP or DNS A/AAAA; port 5060.</summary>
    internal async Task<(ISipTransport Transport, IPEndPoint Remote)?> ResolveAsync(SipRequest request, CancellationToken cancellationToken)
    {
        var routes = request.Routes;
        var next = routes.Count > 0 ? routes[0].Uri : request.RequestUri;
        if (next is null || next.Scheme == SipUriScheme.Tel)
        {
            return null;
        }

        var protocol = next.Transport == "tcp" ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp;
        var host = next.Parameters.Get("maddr") ?? next.Host;
        IPAddress? address;
        if (!IPAddress.TryParse(host, out address))
        {
            try
            {
                var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
                address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            }
            catch (SocketException)
            {
                address = null;
            }
        }

        if (address is null)
        {
            return null;
        }

        var transport = FindTransport(protocol, address.AddressFamily);
        if (transport is null)
        {
            return null;
        }

        if (transport.LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 && address.AddressFamily == AddressFamily.InterNetwork)
        {
            address = address.MapToIPv6();
        }

        return (transport, new IPEndPoint(address, next.Port ?? 5060));
    }
}
