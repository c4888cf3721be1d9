using System.Net;
using Vms.Sip.Dialogs;
using Vms.Sip.Messages;
using Vms.Sip.Transactions;
using Vms.Sip.Transport;

namespace Vms.Sip;

/// <summary>
/// A request received by a <see cref="SipEndpoint"/>, to be answered with <see cref="RespondAsync(SipResponse)"/>.
/// Responses to an INVITE with a To tag (18x, 2xx) create a UAS <see cref="SipDialog"/>; a 2xx is retransmitted
/// until the ACK arrives. <see cref="Cancelled"/> fires when the caller sends CANCEL (the endpoint then answers 487).
/// </summary>
#pragma warning disable CA1001 // The CancellationTokenSource has no timer; it lives as long as the request and needs no disposal.
public sealed class SipIncomingRequest
#pragma warning restore CA1001
{
    private readonly SipEndpoint _endpoint;
    private readonly ServerTransaction _transaction;
    private readonly CancellationTokenSource _cancelled = new();
    private readonly Lock _lock = new();
    private string? _localTag;

    internal SipIncomingRequest(SipEndpoint endpoint, ServerTransaction transaction, SipRequest request, IPEndPoint remote,
        ISipTransport transport, SipDialog? dialog)
    {
        _endpoint = endpoint;
        _transaction = transaction;
        Request = request;
        Remote = remote;
        Transport = transport;
        Dialog = dialog;
        _localTag = request.To?.Tag;
    }

    /// <summary>The request.</summary>
    public SipRequest Request { get; }

    /// <summary>Where the request came from.</summary>
    public IPEndPoint Remote { get; }

    /// <summary>The transport it came on.</summary>
    public ISipTransport Transport { get; }

    /// <summary>The dialog: the one the request belongs to, or the one created by answering an INVITE with 18x/2xx.</summary>
    public SipDialog? Dialog { get; private set; }

    /// <summary>Signalled when a CANCEL for this INVITE arrives.</summary>
    public CancellationToken Cancelled => _cancelled.Token;

    /// <summary>True once a final response was sent.</summary>
    public bool HasFinalResponse { get; private set; }

    /// <summary>The To tag this side uses in its responses (created on first use).</summary>
    public string LocalTag
    {
        get
        {
            lock (_lock)
            {
                return _localTag ??= SipIds.NewTag();
            }
        }
    }

    /// <summary>Creates a response with this side's To tag (a Contact is added when sent, if needed).</summary>
    public SipResponse CreateResponse(int statusCode, string? reasonPhrase = null) =>
        SipResponse.CreateFor(Request, statusCode, reasonPhrase, statusCode > 100 ? LocalTag : null);

    /// <summary>Answers with a status code.</summary>
    public Task RespondAsync(int statusCode, string? reasonPhrase = null) => RespondAsync(CreateResponse(statusCode, reasonPhrase));

    /// <summary>
    /// Sends a response. For INVITE 18x/2xx a Contact is added when missing and the UAS dialog is created or updated;
    /// for a 2xx to BYE the dialog terminates. A second final response is ignored.
    /// </summary>
    public Task RespondAsync(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_lock)
        {
            if (HasFinalResponse)
            {
                return Task.CompletedTask;
            }

            HasFinalResponse = response.IsFinal;
        }

        if (Request.Method == SipMethods.Invite && response.StatusCode is > 100 and < 300)
        {
            if (!response.Headers.Contains(HeaderKind.Contact))
            {
                response.Headers.Add(HeaderKind.Contact, "<" + _endpoint.GetContactUri(Request.RequestUri?.User, Transport.Protocol) + ">");
            }

            if (response.To?.Tag is not null)
            {
                Dialog ??= SipDialog.CreateUas(_endpoint, Request, response);
                Dialog.OnUasResponse(response, _transaction);
            }
        }
        else if (Dialog is not null && response.IsSuccess && Request.Method == SipMethods.Bye)
        {
            Dialog.MarkTerminated();
        }

        if (!response.Headers.Contains(HeaderKind.Server) && response.StatusCode > 100)
        {
            response.Headers.Add(HeaderKind.Server, _endpoint.Options.UserAgent);
        }

        if (!_transaction.SendResponse(response))
        {
            _endpoint.SendResponseStateless(response, Request, Remote, Transport);
        }

        if (response.IsFinal && Request.Method == SipMethods.Invite)
        {
            _endpoint.ForgetPendingInvite(_transaction.Key, this);
        }

        if (response.IsFinal && Request.Method == SipMethods.Invite && !response.IsSuccess && Dialog is { IsUac: false } early && early.State == SipDialogState.Early)
        {
            early.MarkTerminated();
        }

        return Task.CompletedTask;
    }

    internal void OnCancelled()
    {
        lock (_lock)
        {
            if (HasFinalResponse)
            {
                return;
            }
        }

        _ = RespondAsync(CreateResponse(487));
        _cancelled.Cancel();
    }
}
