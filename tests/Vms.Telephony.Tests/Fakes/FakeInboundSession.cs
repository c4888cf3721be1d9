using System.Net;
using Vms.Telephony.Signalling;

namespace Vms.Telephony.Tests.Fakes;

/// <summary>The caller's side as the call layer sees it; the test plays the caller.</summary>
internal sealed class FakeInboundSession : IInboundSession, IDisposable
{
    private readonly CancellationTokenSource _ended = new();

    public FakeInboundSession(ReadOnlyMemory<byte> offer, string caller = "+32475000001", string called = "+3221110000")
    {
        Offer = offer;
        CallerNumber = caller;
        CalledNumber = called;
    }

    public string CallId { get; } = Guid.NewGuid().ToString("N");
    public string CallerNumber { get; }
    public string CalledNumber { get; }
    public IPEndPoint Source { get; init; } = new(IPAddress.Loopback, 5070);
    public ReadOnlyMemory<byte> Offer { get; }
    public CancellationToken Ended => _ended.Token;
    public SessionEnd EndedBy { get; private set; }
    public ReInviteHandler? OnReInvite { get; set; }
    public ReferHandler? OnRefer { get; set; }

    public List<(int Status, ReadOnlyMemory<byte> Sdp)> Provisionals { get; } = [];
    public (int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>>? Headers)? Rejected { get; private set; }
    public ReadOnlyMemory<byte>? Answered { get; private set; }
    public bool ByeSent { get; private set; }

    /// <summary>The Reason header of VMS's BYE, if it carried one.</summary>
    public string? ByeReason { get; private set; }
    public List<ReadOnlyMemory<byte>> ReInvitesReceived { get; } = [];

    /// <summary>What the caller's ACK carries (a late offer's answer); null: no ACK.</summary>
    public Func<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>?> Ack { get; set; } = _ => ReadOnlyMemory<byte>.Empty;

    /// <summary>How the caller answers a re-INVITE from VMS.</summary>
    public Func<ReadOnlyMemory<byte>, SipAnswer> AnswerReInvite { get; set; } = o => new SipAnswer(200, "OK", PhoneSdp.Answer(o, 4000));

    public void SendProvisional(int status, ReadOnlyMemory<byte> sdp) => Provisionals.Add((status, sdp));

    public Task<ReadOnlyMemory<byte>?> AnswerAsync(ReadOnlyMemory<byte> sdp, CancellationToken cancellationToken)
    {
        Answered = sdp;
        return Task.FromResult(Ack(sdp));
    }

    public void Reject(int status, string reason, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        if (Rejected is not null || Answered is not null)
        {
            throw new InvalidOperationException("a second final response");
        }

        Rejected = (status, reason, headers);
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

    /// <summary>The caller sends REFER: the progress reported back, or null when VMS refused it (403).</summary>
    public FakeTransferProgress? Refer(string target)
    {
        var progress = new FakeTransferProgress();
        return OnRefer?.Invoke(new TransferRequest(target, progress)) == true ? progress : null;
    }

    public void CallerCancels() => End(SessionEnd.Cancelled);

    public void CallerHangsUp() => End(SessionEnd.Bye);

    private void End(SessionEnd how)
    {
        EndedBy = how;
        _ended.Cancel();
    }

    public void Dispose() => _ended.Dispose();
}
