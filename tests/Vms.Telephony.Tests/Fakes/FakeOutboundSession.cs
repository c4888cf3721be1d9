using Vms.Telephony.Signalling;

namespace Vms.Telephony.Tests.Fakes;

/// <summary>An outgoing leg; the test plays the destination phone.</summary>
internal sealed class FakeOutboundSession : IOutboundSession, IDisposable
{
    private readonly CancellationTokenSource _ended = new();
    private readonly TaskCompletionSource<SipAnswer> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeOutboundSession(DialRequest request)
    {
        Request = request;
    }

    public event Action<SipAnswer>? Provisional;

    public DialRequest Request { get; }
    public string CallId { get; } = Guid.NewGuid().ToString("N");
    public CancellationToken Ended => _ended.Token;
    public SessionEnd EndedBy { get; private set; }
    public ReInviteHandler? OnReInvite { get; set; }
    public ReferHandler? OnRefer { get; set; }
    public Task<SipAnswer> Final => _final.Task;
    public bool CancelSent { get; private set; }
    public bool ByeSent { get; private set; }

    /// <summary>The Reason header of VMS's BYE, if it carried one.</summary>
    public string? ByeReason { get; private set; }
    public List<ReadOnlyMemory<byte>> ReInvitesReceived { get; } = [];
    public Func<ReadOnlyMemory<byte>, SipAnswer> AnswerReInvite { get; set; } = o => new SipAnswer(200, "OK", PhoneSdp.Answer(o, 6000));

    public void Ring() => Provisional?.Invoke(new SipAnswer(180, "Ringing", ReadOnlyMemory<byte>.Empty));

    public void EarlyMedia() => Provisional?.Invoke(new SipAnswer(183, "Session Progress", PhoneSdp.Answer(Request.Offer, 6000)));

    public void Answer(Vms.Media.Sdp.MediaDirection direction = Vms.Media.Sdp.MediaDirection.SendRecv) =>
        _final.TrySetResult(new SipAnswer(200, "OK", PhoneSdp.Answer(Request.Offer, 6000, direction)));

    public void Respond(int status, string reason = "Error") => _final.TrySetResult(new SipAnswer(status, reason, ReadOnlyMemory<byte>.Empty));

    public void Cancel()
    {
        CancelSent = true;
        _final.TrySetResult(new SipAnswer(487, "Request Terminated", ReadOnlyMemory<byte>.Empty));
    }

    public Task<SipAnswer> ReInviteAsync(ReadOnlyMemory<byte> offer, CancellationToken cancellationToken)
    {
        ReInvitesReceived.Add(offer);
        return Task.FromResult(AnswerReInvite(offer));
    }

    public Task HangUpAsync(CancellationToken cancellationToken) => HangUpAsync(null, cancellationToken);

    public Task HangUpAsync(string? reason, CancellationToken cancellationToken)
    {
        ByeSent = true;
        ByeReason = reason;
        return Task.CompletedTask;
    }

    /// <summary>The destination sends REFER: the progress reported back, or null when VMS refused it (403).</summary>
    public FakeTransferProgress? Refer(string target)
    {
        var progress = new FakeTransferProgress();
        return OnRefer?.Invoke(new TransferRequest(target, progress)) == true ? progress : null;
    }

    public void CalleeHangsUp()
    {
        EndedBy = SessionEnd.Bye;
        _ended.Cancel();
    }

    public void Dispose() => _ended.Dispose();
}
