using Vms.Sip;
using Vms.Sip.Dialogs;
using Vms.Sip.Messages;
using Vms.Telephony.Signalling;

namespace Vms.Telephony.Sip;

/// <summary>An outgoing INVITE over Vms.Sip and then its UAC dialog.</summary>
public sealed class SipOutboundSession : IOutboundSession, IDisposable
{
    private readonly SipEndpoint _endpoint;
    private readonly CancellationTokenSource _cancel = new();
    private readonly CancellationTokenSource _ended = new();
    private readonly Action<string>? _over;
    private SipDialog? _dialog;
    private int _endedBy;
    private bool _hungUpByUs;

    /// <param name="over">Called with the Call-ID once the leg is over (failed, or its dialog terminated).</param>
    public SipOutboundSession(SipEndpoint endpoint, SipRequest invite, Action<string>? over = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(invite);
        _endpoint = endpoint;
        _over = over;
        CallId = invite.CallId ?? "";
        Final = RunAsync(invite);
    }

    public event Action<SipAnswer>? Provisional;

    public string CallId { get; }
    public CancellationToken Ended => _ended.Token;
    public SessionEnd EndedBy => (SessionEnd)Volatile.Read(ref _endedBy);
    public ReInviteHandler? OnReInvite { get; set; }
    public ReferHandler? OnRefer { get; set; }
    public Task<SipAnswer> Final { get; }

    public void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already over
        }
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

        _over?.Invoke(CallId);
    }

    public void Dispose()
    {
        _cancel.Dispose();
        _ended.Dispose();
    }

    private async Task<SipAnswer> RunAsync(SipRequest invite)
    {
        SipInviteResult result;
        try
        {
            result = await _endpoint.InviteAsync(invite, OnProvisional, deferAck: false, _cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _over?.Invoke(CallId);
            return new SipAnswer(487, "Request Terminated", ReadOnlyMemory<byte>.Empty);
        }

        if (result.IsAnswered)
        {
            _dialog = result.Dialog!;
            _dialog.RequestHandler = r => InDialogRequests.HandleAsync(r, this, End);
            _ = _dialog.Terminated.ContinueWith(_ =>
            {
                End(_hungUpByUs ? SessionEnd.None : SessionEnd.Bye);
                if (!_hungUpByUs)
                {
                    _over?.Invoke(CallId);
                }
            }, TaskScheduler.Default);
        }
        else
        {
            _over?.Invoke(CallId);
        }

        return new SipAnswer(result.Response.StatusCode, result.Response.ReasonPhrase, result.Response.Body);
    }

    private void OnProvisional(SipResponse response, SipDialog? dialog) =>
        Provisional?.Invoke(new SipAnswer(response.StatusCode, response.ReasonPhrase, response.Body));

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
            // already over
        }
    }
}
