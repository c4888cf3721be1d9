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
    private readonly GatewayCredentials? _credentials;

    /// <summary>
    /// With gateway credentials in <paramref name="options"/>, the endpoint's <see cref="SipEndpoint.CredentialsProvider"/>
    /// is extended to answer the gateway's challenges (once per request) for the legs placed here.
    /// </summary>
    public SipOutboundDialer(SipEndpoint endpoint, SipDialerOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        _endpoint = endpoint;
        _options = options;
        if (!string.IsNullOrEmpty(options.GatewayUsername) && options.GatewayPassword is { } password
            && SipUri.TryParse(options.Gateway, out var gateway, out _) && gateway is not null)
        {
            var credentials = new GatewayCredentials(gateway, new Vms.Sip.Auth.SipCredentials(options.GatewayUsername, password));
            _credentials = credentials;
            var previous = endpoint.CredentialsProvider;
            endpoint.CredentialsProvider = (request, realm) => credentials.For(request, realm) ?? previous?.Invoke(request, realm);
        }
    }

    /// <summary>Legs through the gateway whose in-dialog requests may still be challenged (tests).</summary>
    internal int AuthenticatedLegs => _credentials?.LegCount ?? 0;

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

        if (_credentials is { } credentials && invite.CallId is { } callId)
        {
            credentials.Track(callId);
            return new SipOutboundSession(_endpoint, invite, credentials.Forget);
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
