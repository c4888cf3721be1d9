using Vms.Sip;
using Vms.Sip.Messages;
using Vms.Sip.Uris;
using Vms.Telephony.Signalling;

namespace Vms.Telephony.Sip;

/// <summary>
/// Places outgoing legs through the outbound gateway: Request-URI sip:number@gateway, From the presented caller,
/// Diversion the number originally called (so the far network knows the call was forwarded).
/// </summary>
public sealed class SipOutboundDialer : IOutboundDialer
{
    private readonly SipEndpoint _endpoint;
    private readonly SipDialerOptions _options;

    public SipOutboundDialer(SipEndpoint endpoint, SipDialerOptions options)
    {
        _endpoint = endpoint;
        _options = options;
    }

    public IOutboundSession Dial(DialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = TargetUri(request.Target);
        if (target is null)
        {
            return new FailedOutboundSession(new SipAnswer(503, "Service Unavailable (no gateway for " + request.Target + ")", ReadOnlyMemory<byte>.Empty));
        }

        var host = _options.FromHost ?? _endpoint.GetContactUri().Host;
        var fromUser = string.IsNullOrEmpty(request.CallerNumber) ? "anonymous" : request.CallerNumber;
        var from = new NameAddress(new SipUri(SipUriScheme.Sip, fromUser, host));
        var invite = _endpoint.CreateRequest(SipMethods.Invite, target, from, new NameAddress(target));
        if (!string.IsNullOrEmpty(request.DivertedFrom))
        {
            invite.Headers.Add(HeaderKind.Diversion, "<" + new SipUri(SipUriScheme.Sip, request.DivertedFrom, host) + ">;reason=unconditional");
        }

        if (!request.Offer.IsEmpty)
        {
            invite.Body = request.Offer;
            invite.Headers.Add(HeaderKind.ContentType, "application/sdp");
        }

        return new SipOutboundSession(_endpoint, invite);
    }

    private SipUri? TargetUri(string target)
    {
        if (target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || target.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            return SipUri.TryParse(target, out var full, out _) ? full : null;
        }

        if (string.IsNullOrEmpty(_options.Gateway) || !SipUri.TryParse(_options.Gateway, out var gateway, out _) || gateway is null)
        {
            return null;
        }

        return gateway.WithUser(target);
    }
}
