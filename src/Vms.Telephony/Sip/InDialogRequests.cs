using Vms.Sip;
using Vms.Sip.Messages;
using Vms.Telephony.Signalling;

namespace Vms.Telephony.Sip;

/// <summary>Answers in-dialog requests for a session: BYE ends it, re-INVITE goes to the call layer, the rest get 200.</summary>
internal static class InDialogRequests
{
    public static async Task HandleAsync(SipIncomingRequest request, Func<ReInviteHandler?> reInvite, Action<SessionEnd> end)
    {
        switch (request.Request.Method)
        {
            case SipMethods.Bye:
                await request.RespondAsync(200);
                end(SessionEnd.Bye);
                return;
            case SipMethods.Invite:
                var handler = reInvite();
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
            case SipMethods.Ack:
                return;
            default:
                await request.RespondAsync(200);
                return;
        }
    }
}
