using Vms.Sip.Headers;
using Vms.Sip.Messages;
using Vms.Sip.Transactions;
using Vms.Sip.Uris;

namespace Vms.Sip.Dialogs;

/// <summary>
/// A dialog (RFC 3261 §12): identifiers, route set, remote target, CSeq counters. Sends in-dialog requests
/// (BYE, re-INVITE, UPDATE, INFO, NOTIFY, OPTIONS …) and receives them through <see cref="RequestHandler"/>
/// (or the endpoint's handler when not set).
/// </summary>
public sealed partial class SipDialog
{
    private readonly SipEndpoint _endpoint;
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SipRequest> _acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private uint _localSequence;
    private AckRecord? _lastAck;

    private SipDialog(SipEndpoint endpoint, bool isUac, string callId, NameAddress localParty, NameAddress remoteParty,
        SipUri remoteTarget, IReadOnlyList<NameAddress> routeSet, uint localSequence, uint? remoteSequence)
    {
        _endpoint = endpoint;
        IsUac = isUac;
        CallId = callId;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        _localSequence = localSequence;
        RemoteSequence = remoteSequence;
        State = SipDialogState.Early;
    }

    /// <summary>The Call-ID.</summary>
    public string CallId { get; }

    /// <summary>This side's tag.</summary>
    public string LocalTag => LocalParty.Tag ?? string.Empty;

    /// <summary>The other side's tag.</summary>
    public string? RemoteTag => RemoteParty.Tag;

    /// <summary>This side's name-addr (From of our requests) with tag.</summary>
    public NameAddress LocalParty { get; }

    /// <summary>The other side's name-addr (To of our requests) with tag.</summary>
    public NameAddress RemoteParty { get; private set; }

    /// <summary>Where in-dialog requests go (the peer's Contact).</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>The route set (Route headers of in-dialog requests).</summary>
    public IReadOnlyList<NameAddress> RouteSet { get; private set; }

    /// <summary>True when this side sent the INVITE.</summary>
    public bool IsUac { get; }

    /// <summary>The state.</summary>
    public SipDialogState State { get; private set; }

    /// <summary>The last CSeq used by this side.</summary>
    public uint LocalSequence => _localSequence;

    /// <summary>The last CSeq received from the other side.</summary>
    public uint? RemoteSequence { get; private set; }

    /// <summary>The last remote session description (body of the INVITE/2xx/ACK/UPDATE that carried one).</summary>
    public ReadOnlyMemory<byte> RemoteBody { get; private set; }

    /// <summary>Handler for in-dialog requests; when null the endpoint's handler is used (a BYE is then answered 200).</summary>
    public Func<SipIncomingRequest, Task>? RequestHandler { get; set; }

    /// <summary>Completes when the dialog terminates.</summary>
    public Task Terminated => _terminated.Task;

    /// <summary>UAS: completes with the ACK of the 2xx (the ACK may carry the answer of a late offer).</summary>
    public Task<SipRequest> Acknowledged => _acknowledged.Task;

    internal string Key => MakeKey(CallId, LocalTag, RemoteTag);

    internal static string MakeKey(string callId, string localTag, string? remoteTag) => callId + "|" + localTag + "|" + remoteTag;

    /// <summary>Creates an in-dialog request (RFC 3261 §12.2.1.1): Request-URI, Route, tags, next CSeq, Contact.</summary>
    public SipRequest CreateRequest(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        uint cseq;
        lock (_lock)
        {
            cseq = method == SipMethods.Ack ? _localSequence : ++_localSequence;
        }

        return BuildRequest(method, cseq);
    }

    /// <summary>
    /// Sends an in-dialog request. A 2xx to a re-INVITE is acknowledged and refreshes the remote target; sending BYE
    /// (RFC 3261 §15.1.1) or receiving 481/408 to any request terminates the dialog.
    /// </summary>
    public async Task<SipResponse> SendRequestAsync(SipRequest request, Action<SipResponse>? onProvisional = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == SipMethods.Bye)
        {
            MarkTerminated();
        }

        var response = await _endpoint.SendRequestAsync(request, onProvisional, cancellationToken);
        if (request.Method == SipMethods.Invite && response.IsSuccess)
        {
            RefreshTarget(response);
            RemoteBody = response.Body.IsEmpty ? RemoteBody : response.Body;
            await SendAckAsync(response, default, null, cancellationToken);
        }

        if (request.Method == SipMethods.Bye || response.StatusCode is 481 or 408)
        {
            MarkTerminated();
        }

        return response;
    }

    /// <summary>Sends a request of a method with an optional body.</summary>
    public Task<SipResponse> SendAsync(string method, ReadOnlyMemory<byte> body = default, string? contentType = null, CancellationToken cancellationToken = default)
    {
        var request = CreateRequest(method);
        if (!body.IsEmpty)
        {
            request.Body = body;
            request.Headers.Add(HeaderKind.ContentType, contentType ?? "application/sdp");
        }

        return SendRequestAsync(request, null, cancellationToken);
    }

    /// <summary>Ends the dialog with BYE (the dialog terminates whatever the answer).</summary>
    public Task<SipResponse> ByeAsync(CancellationToken cancellationToken = default) => SendAsync(SipMethods.Bye, default, null, cancellationToken);

    /// <summary>Sends a re-INVITE (hold/unhold, media change) with an SDP offer; the 2xx is acknowledged.</summary>
    public Task<SipResponse> ReinviteAsync(ReadOnlyMemory<byte> sdp, CancellationToken cancellationToken = default) =>
        SendAsync(SipMethods.Invite, sdp, "application/sdp", cancellationToken);

    internal static SipDialog CreateUac(SipEndpoint endpoint, SipRequest invite, SipResponse response)
    {
        var routes = response.RecordRoutes.Reverse().ToList();
        var target = response.Contact?.Uri ?? invite.RequestUri!;
        var dialog = new SipDialog(endpoint, true, invite.CallId!, invite.From!, response.To!, target.WithoutHeaders(), routes,
            invite.CSeq!.Value.Number, null);
        endpoint.RegisterDialog(dialog);
        return dialog;
    }

    internal static SipDialog CreateUas(SipEndpoint endpoint, SipRequest invite, SipResponse response)
    {
        var target = invite.Contact?.Uri ?? invite.RequestUri!;
        var dialog = new SipDialog(endpoint, false, invite.CallId!, response.To!, invite.From!, target.WithoutHeaders(),
            invite.RecordRoutes.ToList(), 0, invite.CSeq!.Value.Number)
        {
            RemoteBody = invite.Body,
        };
        endpoint.RegisterDialog(dialog);
        return dialog;
    }

    internal void ConfirmUac(SipResponse response)
    {
        lock (_lock)
        {
            if (State == SipDialogState.Terminated)
            {
                return;
            }

            State = SipDialogState.Confirmed;
            RouteSet = response.RecordRoutes.Reverse().ToList();
            RefreshTarget(response);
            if (!response.Body.IsEmpty)
            {
                RemoteBody = response.Body;
            }
        }
    }

    internal void OnUasResponse(SipResponse response, ServerTransaction transaction)
    {
        if (!response.IsSuccess)
        {
            return;
        }

        lock (_lock)
        {
            State = SipDialogState.Confirmed;
        }

        transaction.AckReceived = (_, ack) =>
        {
            if (!ack.Body.IsEmpty)
            {
                RemoteBody = ack.Body;
            }

            _acknowledged.TrySetResult(ack);
        };
        var initialInvite = transaction.IsInvite && transaction.PendingRequest?.To?.Tag is null; // read now: the transaction lets go of its request once answered
        transaction.AckTimeout = t =>
        {
            _acknowledged.TrySetCanceled();
            if (State == SipDialogState.Confirmed && initialInvite)
            {
                _ = ByeAsync();
            }
        };
        _endpoint.RegisterAccepted(transaction);
    }

    /// <summary>Checks and records the CSeq of an in-dialog request; refreshes the target on INVITE/UPDATE.</summary>
    internal bool AcceptRemoteSequence(SipRequest request)
    {
        if (request.Method == SipMethods.Ack)
        {
            return true;
        }

        lock (_lock)
        {
            var cseq = request.CSeq!.Value.Number;
            if (RemoteSequence is { } last && cseq <= last)
            {
                return false;
            }

            RemoteSequence = cseq;
            if (request.Method is SipMethods.Invite or SipMethods.Update)
            {
                RefreshTarget(request);
                if (!request.Body.IsEmpty)
                {
                    RemoteBody = request.Body;
                }
            }

            return true;
        }
    }

    internal void MarkTerminated()
    {
        lock (_lock)
        {
            if (State == SipDialogState.Terminated)
            {
                return;
            }

            State = SipDialogState.Terminated;
        }

        // A terminated dialog gets no more requests (it is no longer found), and the transactions that linger for
        // retransmissions (up to 64·T1) still refer to it: dropping the handler lets the call behind it be collected.
        RequestHandler = null;
        _endpoint.UnregisterDialog(this);
        _acknowledged.TrySetCanceled();
        _terminated.TrySetResult();
    }

    private void RefreshTarget(SipMessage message)
    {
        if (message.Contact is { IsWildcard: false } contact)
        {
            RemoteTarget = contact.Uri.WithoutHeaders();
        }
    }
}
