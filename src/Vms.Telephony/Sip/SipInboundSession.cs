using System.Net;
using Vms.Sip;
using Vms.Sip.Dialogs;
using Vms.Sip.Messages;
using Vms.Telephony.Signalling;

namespace Vms.Telephony.Sip;

/// <summary>The caller's side of a call over Vms.Sip: an incoming INVITE (server transaction) and then its UAS dialog.</summary>
public sealed class SipInboundSession : IInboundSession, IDisposable
{
    private readonly SipIncomingRequest _incoming;
    private readonly CancellationTokenSource _ended = new();
    private readonly CancellationTokenRegistration _cancelRegistration;
    private SipDialog? _dialog;
    private int _endedBy;
    private bool _hungUpByUs;

    public SipInboundSession(SipIncomingRequest incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        _incoming = incoming;
        var request = incoming.Request;
        CallId = request.CallId ?? "";
        CallerNumber = (request.PAssertedIdentities.Count > 0 ? request.PAssertedIdentities[0].Uri.User : request.From?.Uri.User) ?? "";
        if (string.Equals(CallerNumber, "anonymous", StringComparison.OrdinalIgnoreCase))
        {
            CallerNumber = "";
        }

        CalledNumber = request.RequestUri?.User ?? request.To?.Uri.User ?? "";
        Source = incoming.Remote;
        Offer = request.ContentType is null || request.Body.IsEmpty ? ReadOnlyMemory<byte>.Empty : request.Body;
        _cancelRegistration = incoming.Cancelled.Register(() => End(SessionEnd.Cancelled));
    }

    public string CallId { get; }
    public string CallerNumber { get; }
    public string CalledNumber { get; }
    public IPEndPoint Source { get; }
    public ReadOnlyMemory<byte> Offer { get; }
    public CancellationToken Ended => _ended.Token;
    public SessionEnd EndedBy => (SessionEnd)Volatile.Read(ref _endedBy);
    public ReInviteHandler? OnReInvite { get; set; }
    public ReferHandler? OnRefer { get; set; }

    /// <summary>The SIP request, for logging and the ladder.</summary>
    public SipRequest Request => _incoming.Request;

    public void SendProvisional(int status, ReadOnlyMemory<byte> sdp)
    {
        var response = _incoming.CreateResponse(status);
        AddBody(response, sdp);
        _ = _incoming.RespondAsync(response);
        Hook();
    }

    public async Task<ReadOnlyMemory<byte>?> AnswerAsync(ReadOnlyMemory<byte> sdp, CancellationToken cancellationToken)
    {
        var response = _incoming.CreateResponse(200);
        AddBody(response, sdp);
        await _incoming.RespondAsync(response);
        Hook();
        if (_dialog is null)
        {
            return null;
        }

        try
        {
            var ack = await _dialog.Acknowledged.WaitAsync(cancellationToken);
            return ack.Body;
        }
        catch (OperationCanceledException)
        {
            End(SessionEnd.Failed);
            return null;
        }
    }

    public void Reject(int status, string reason, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        var response = _incoming.CreateResponse(status, reason);
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                response.Headers.Add(name, value);
            }
        }

        _ = _incoming.RespondAsync(response);
    }

    public async Task<SipAnswer> ReInviteAsync(ReadOnlyMemory<byte> offer, CancellationToken cancellationToken)
    {
        if (_dialog is null)
        {
            return new SipAnswer(481, "No dialog", ReadOnlyMemory<byte>.Empty);
        }

        var response = await _dialog.ReinviteAsync(offer, cancellationToken);
        return new SipAnswer(response.StatusCode, response.ReasonPhrase, response.Body);
    }

    public Task HangUpAsync(CancellationToken cancellationToken) => HangUpAsync(null, cancellationToken);

    public async Task HangUpAsync(string? reason, CancellationToken cancellationToken)
    {
        _hungUpByUs = true;
        if (_dialog is { State: SipDialogState.Confirmed } dialog)
        {
            await InDialogRequests.ByeAsync(dialog, reason, cancellationToken);
        }
    }

    public void Dispose()
    {
        _cancelRegistration.Dispose();
        _ended.Dispose();
    }

    private void Hook()
    {
        if (_dialog is not null || _incoming.Dialog is not { } dialog)
        {
            return;
        }

        _dialog = dialog;
        dialog.RequestHandler = r => InDialogRequests.HandleAsync(r, this, End);
        _ = dialog.Terminated.ContinueWith(_ => End(_hungUpByUs ? SessionEnd.None : SessionEnd.Bye), TaskScheduler.Default);
    }

    private void End(SessionEnd how)
    {
        if (how == SessionEnd.None || Interlocked.CompareExchange(ref _endedBy, (int)how, 0) != 0)
        {
            return;
        }

        try
        {
            _ended.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the call is already over
        }
    }

    private static void AddBody(SipResponse response, ReadOnlyMemory<byte> sdp)
    {
        if (!sdp.IsEmpty)
        {
            response.Body = sdp;
            response.Headers.Add(HeaderKind.ContentType, "application/sdp");
        }
    }
}
