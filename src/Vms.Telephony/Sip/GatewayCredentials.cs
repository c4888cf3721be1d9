using System.Collections.Concurrent;
using Vms.Sip.Auth;
using Vms.Sip.Messages;
using Vms.Sip.Uris;

namespace Vms.Telephony.Sip;

/// <summary>
/// Answers the outbound gateway's digest challenges (401/407) for the legs VMS places through it: INVITEs whose
/// Request-URI is the gateway, and in-dialog requests (BYE, re-INVITE) of those legs. Once per request: a request
/// that already carried credentials and is challenged again is not retried (the dial fails). Nobody else gets the
/// credentials (a transfer to an arbitrary SIP URI must not leak them).
/// </summary>
internal sealed class GatewayCredentials
{
    private readonly SipUri _gateway;
    private readonly SipCredentials _credentials;
    private readonly ConcurrentDictionary<string, byte> _legs = new(StringComparer.Ordinal);

    public GatewayCredentials(SipUri gateway, SipCredentials credentials)
    {
        _gateway = gateway;
        _credentials = credentials;
    }

    /// <summary>Legs (Call-IDs) placed through the gateway and not over yet.</summary>
    public int LegCount => _legs.Count;

    public void Track(string callId) => _legs.TryAdd(callId, 0);

    public void Forget(string callId) => _legs.TryRemove(callId, out _);

    /// <summary>For <see cref="Vms.Sip.SipEndpoint.CredentialsProvider"/>: the credentials, or null to give up.</summary>
    public SipCredentials? For(SipRequest request, string realm)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Contains(HeaderKind.Authorization) || request.Headers.Contains(HeaderKind.ProxyAuthorization))
        {
            return null; // challenged again although we answered: wrong credentials, give up
        }

        var inDialog = request.To?.Tag is not null;
        var ours = inDialog
            ? request.CallId is { } callId && _legs.ContainsKey(callId)
            : request.Method == SipMethods.Invite && IsGateway(request.RequestUri);
        return ours ? _credentials : null;
    }

    private bool IsGateway(SipUri? uri) =>
        uri is not null
        && string.Equals(uri.Host, _gateway.Host, StringComparison.OrdinalIgnoreCase)
        && (uri.Port ?? 5060) == (_gateway.Port ?? 5060);
}
