using Vms.Sip;
using Vms.Sip.Dialogs;
using Vms.Sip.Messages;

namespace Vms.Server.Features.Calls;

/// <summary>
/// An in-dialog request (REFER, re-INVITE, BYE…) that reached the node's request handler because it raced the call
/// layer taking the dialog over (the handler is set when the INVITE's task resumes).
/// </summary>
internal static class InDialogFallback
{
    /// <summary>To the dialog's handler when the call layer has set it meanwhile; else 500 with Retry-After (RFC 3261 §14.2).</summary>
    public static Task HandleAsync(SipDialog dialog, SipIncomingRequest request)
    {
        if (dialog.RequestHandler is { } handler)
        {
            return handler(request);
        }

        if (request.Request.Method == SipMethods.Ack)
        {
            return Task.CompletedTask;
        }

        var response = request.CreateResponse(request.Request.Method == SipMethods.Bye ? 200 : 500, request.Request.Method == SipMethods.Bye ? null : "Server Internal Error (call not ready)");
        if (request.Request.Method != SipMethods.Bye)
        {
            response.Headers.Add(HeaderKind.RetryAfter, "1");
        }

        return request.RespondAsync(response);
    }
}
