using Vms.Telephony.Signalling;

namespace Vms.Telephony.Sip;

/// <summary>A leg that could not even be sent (no gateway, bad target): its final answer is known at once.</summary>
internal sealed class FailedOutboundSession : IOutboundSession
{
    public FailedOutboundSession(SipAnswer answer)
    {
        Final = Task.FromResult(answer);
    }

    public event Action<SipAnswer>? Provisional
    {
        add { }
        remove { }
    }

    public string CallId => "";
    public CancellationToken Ended => CancellationToken.None;
    public SessionEnd EndedBy => SessionEnd.Failed;
    public ReInviteHandler? OnReInvite { get; set; }
    public ReferHandler? OnRefer { get; set; }
    public Task<SipAnswer> Final { get; }

    public void Cancel()
    {
    }

    public Task<SipAnswer> ReInviteAsync(ReadOnlyMemory<byte> offer, CancellationToken cancellationToken) => Final;

    public Task HangUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task HangUpAsync(string? reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
