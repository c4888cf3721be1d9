using Vms.Sip;
using Vms.Sip.Messages;
using Vms.Sip.Uris;
using Vms.Telephony.Signalling;

namespace Vms.Telephony.Sip;

/// <summary>
/// Answers in-dialog requests for a session: BYE ends it, re-INVITE goes to the call layer, REFER (blind transfer,
/// RFC 3515) goes to the call layer and is reported with NOTIFYs, the rest get 200.
/// </summary>
internal static class InDialogRequests
{
    public static async Task HandleAsync(SipIncomingRequest request, ISipSession session, Action<SessionEnd> end)
    {
        switch (request.Request.Method)
        {
            case SipMethods.Bye:
                await request.RespondAsync(200);
                end(SessionEnd.Bye);
                return;
            case SipMethods.Invite:
                var handler = session.OnReInvite;
                if (handler is null || request.Request.Body.IsEmpty)
                {
                    await request.RespondAsync(488, "Not Acceptable Here");
                    return;
                }

                var answer = await handler(request.Request.Body, CancellationToken.None);
                var response = request.CreateResponse(answer.Status, answer.Reason);
                if (answer.HasSdp)
                {
                    response.Body = answer.Sdp;
                    response.Headers.Add(HeaderKind.ContentType, "application/sdp");
                }

                await request.RespondAsync(response);
                return;
            case SipMethods.Refer:
                await ReferAsync(request, session.OnRefer);
                return;
            case SipMethods.Ack:
                return;
            default:
                await request.RespondAsync(200);
                return;
        }
    }

    /// <summary>Sends BYE in <paramref name="dialog"/>, with a <c>Reason</c> header (RFC 3326) when <paramref name="reason"/> is set.</summary>
    public static Task<SipResponse> ByeAsync(Vms.Sip.Dialogs.SipDialog dialog, string? reason, CancellationToken cancellationToken)
    {
        if (reason is null)
        {
            return dialog.ByeAsync(cancellationToken);
        }

        var bye = dialog.CreateRequest(SipMethods.Bye);
        bye.Headers.Add(HeaderKind.Reason, reason);
        return dialog.SendRequestAsync(bye, null, cancellationToken);
    }

    /// <summary>Refer-To missing or unreadable → 400; no bridged call to transfer → 403; else 202 and NOTIFYs.</summary>
    private static async Task ReferAsync(SipIncomingRequest request, ReferHandler? handler)
    {
        var referTo = request.Request.Headers.GetTexts(HeaderKind.ReferTo);
        if (referTo.Count != 1 || !NameAddress.TryParse(referTo[0], out var target, out _) || target is null)
        {
            await request.RespondAsync(400, referTo.Count == 0 ? "Bad Request (Refer-To missing)" : "Bad Request (Refer-To)");
            return;
        }

        if (handler is null || request.Dialog is not { } dialog)
        {
            await request.RespondAsync(403, "Forbidden (no connected call to transfer)");
            return;
        }

        var progress = new SipTransferProgress(dialog);
        _ = progress.ReportAsync(100, "Trying");
        if (!handler(new TransferRequest(target.Uri.WithoutHeaders().ToString(), progress)))
        {
            progress.Refused();
            await request.RespondAsync(403, "Forbidden (a transfer is already in progress)");
            return;
        }

        await request.RespondAsync(202, "Accepted");
        progress.Accepted();
    }
}
