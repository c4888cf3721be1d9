using Vms.Sip.Messages;

namespace Vms.Sip.Dialogs;

/// <summary>The outcome of <see cref="SipEndpoint.InviteAsync"/>: the final response and, for a 2xx, the confirmed dialog.</summary>
/// <param name="Response">The final response (408 on timeout, 503 on transport error or no route, 487 when cancelled).</param>
/// <param name="Dialog">The dialog established by the 2xx (already acknowledged), or null.</param>
public sealed record SipInviteResult(SipResponse Response, SipDialog? Dialog)
{
    /// <summary>True when the call was answered.</summary>
    public bool IsAnswered => Response.IsSuccess && Dialog is not null;
}
