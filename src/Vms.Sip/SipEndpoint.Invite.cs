using System.Collections.Concurrent;
using Vms.Sip.Dialogs;
using Vms.Sip.Messages;
using Vms.Sip.Transactions;

namespace Vms.Sip;

/// <summary>INVITE as a UAC with dialogs: early dialogs per To tag (forking), ACK for 2xx, extra 2xx acknowledged and hung up.</summary>
public sealed partial class SipEndpoint
{
    /// <summary>
    /// Sends an INVITE and returns the final response with the confirmed dialog for a 2xx (already acknowledged
    /// unless <paramref name="deferAck"/> is set — then call <see cref="SipDialog.SendAckAsync"/>, e.g. with the answer
    /// of a late offer). Provisional responses are reported with their early dialog (null for 100 or without To tag);
    /// several early dialogs come from a forked INVITE. A 2xx from a second fork is acknowledged and ended with BYE.
    /// Cancelling the token sends CANCEL; the result is then usually 487.
    /// </summary>
    public async Task<SipInviteResult> InviteAsync(SipRequest invite, Action<SipResponse, SipDialog?>? onProvisional = null,
        bool deferAck = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invite);
        if (invite.Method != SipMethods.Invite)
        {
            throw new ArgumentException("InviteAsync needs an INVITE.", nameof(invite));
        }

        var result = await InviteOnceAsync(invite, onProvisional, deferAck, cancellationToken);
        for (var attempt = 0; attempt < 2 && !cancellationToken.IsCancellationRequested && TryAuthorize(invite, result.Response) is { } retry; attempt++)
        {
            invite = retry;
            result = await InviteOnceAsync(invite, onProvisional, deferAck, cancellationToken);
        }

        return result;
    }

    private async Task<SipInviteResult> InviteOnceAsync(SipRequest invite, Action<SipResponse, SipDialog?>? onProvisional,
        bool deferAck, CancellationToken cancellationToken)
    {

        if (!invite.Headers.Contains(HeaderKind.Contact) && Transports.Count > 0)
        {
            var protocol = invite.RequestUri?.Transport == "tcp" ? Transport.SipTransportProtocol.Tcp : Transport.SipTransportProtocol.Udp;
            invite.Headers.Add(HeaderKind.Contact, "<" + GetContactUri(invite.From?.Uri.User, protocol) + ">");
        }

        var final = new TaskCompletionSource<SipInviteResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var early = new ConcurrentDictionary<string, SipDialog>(StringComparer.Ordinal);
        var sync = new Lock();
        SipDialog? confirmed = null;

        void OnResponse(SipResponse response)
        {
            var tag = response.To?.Tag;
            if (response.IsProvisional)
            {
                var dialog = tag is not null && response.StatusCode > 100 ? early.GetOrAdd(tag, _ => SipDialog.CreateUac(this, invite, response)) : null;
                onProvisional?.Invoke(response, dialog);
                return;
            }

            // The transaction keeps this closure for 2xx retransmissions (64·T1); the caller's provisional callback,
            // which holds on to the call, is not needed after a final response.
            onProvisional = null;

            if (response.IsSuccess && tag is not null)
            {
                var dialog = early.GetOrAdd(tag, _ => SipDialog.CreateUac(this, invite, response));
                dialog.ConfirmUac(response);
                bool first;
                lock (sync)
                {
                    first = confirmed is null;
                    confirmed ??= dialog;
                }

                if (first && deferAck)
                {
                    final.TrySetResult(new SipInviteResult(response, dialog));
                    return;
                }

                _ = AckAndMaybeByeAsync(dialog, response, hangUp: !first && !ReferenceEquals(confirmed, dialog));
                if (first)
                {
                    final.TrySetResult(new SipInviteResult(response, dialog));
                }

                return;
            }

            foreach (var d in early.Values)
            {
                d.MarkTerminated();
            }

            final.TrySetResult(new SipInviteResult(response, null));
        }

        var transaction = await StartClientTransactionAsync(invite, OnResponse, cancellationToken);
        if (transaction is null)
        {
            return new SipInviteResult(SipResponse.CreateFor(invite, 503, "Service Unavailable (no route)"), null);
        }

        SipInviteResult result;
        using (cancellationToken.Register(() => Cancel(transaction)))
        {
            result = await final.Task;
        }

        foreach (var d in early.Values)
        {
            if (!ReferenceEquals(d, result.Dialog) && d.State == SipDialogState.Early)
            {
                d.MarkTerminated();
            }
        }

        return result;
    }

    /// <summary>
    /// An answered INVITE no longer takes a CANCEL, so it leaves the pending list at once rather than when its
    /// transaction ends (64·T1 later): the request and its dialog are then not kept alive for that long.
    /// </summary>
    internal void ForgetPendingInvite(string transactionKey, SipIncomingRequest incoming) =>
        _pendingInvites.TryRemove(new KeyValuePair<string, SipIncomingRequest>(transactionKey, incoming));

    internal void RegisterAccepted(ServerTransaction transaction)
    {
        if (transaction.AcceptedKey is { } key)
        {
            _acceptedInvites[key] = transaction;
        }
    }

    private static async Task AckAndMaybeByeAsync(SipDialog dialog, SipResponse response, bool hangUp)
    {
        await dialog.SendAckAsync(response);
        if (hangUp)
        {
            await dialog.ByeAsync();
        }
    }
}
