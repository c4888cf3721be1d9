using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vms.Media.Codecs;
using Vms.Sip;
using Vms.Sip.Auth;
using Vms.Sip.Messages;
using Vms.Sip.Transport;
using Vms.Sip.Uris;
using Vms.Telephony.Sip;
using Vms.Telephony.Tests.Fakes;

namespace Vms.Telephony.Tests.Sip;

/// <summary>
/// The outbound gateway challenges VMS with digest (407 to INVITE, 401 to BYE): VMS answers once with the trunk's
/// credentials, same Call-ID, CSeq + 1; a second challenge fails the dial. In memory, fake clock.
/// </summary>
[Trait("rfc", "3261-22.2")]
public sealed class GatewayAuthTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemorySipNetwork _network = new();
    private readonly SipEndpoint _vms;
    private readonly SipEndpoint _caller;
    private readonly SipEndpoint _gateway;
    private readonly DigestAuthenticator _auth;
    private readonly TaskCompletionSource<(DialResult Dial, BridgeResult? Bridge)> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<SipRequest> _gatewaySaw = [];
    private readonly FakeMediaEngine _media = new();

    public GatewayAuthTests()
    {
        _vms = Endpoint(5060);
        _caller = Endpoint(5070);
        _gateway = Endpoint(5080);
        _auth = new DigestAuthenticator(new DigestServerOptions { Realm = "gw.example", Algorithms = ["MD5"] }, user => user == "vms" ? "s3cret" : null, _time);
        _gateway.RequestHandler = GatewayAsync;
    }

    public async ValueTask DisposeAsync()
    {
        await _vms.DisposeAsync();
        await _caller.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task Dial_Gateway407_ResentOnceWithProxyAuthorizationAndAnswered()
    {
        var dialer = Vms("s3cret");

        var result = await CallAsync();
        Assert.True(result.IsAnswered, result.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // BYE once VMS has taken the dialog over (bridged): an earlier one would reach the endpoint's new-call handler.
        await _media.FirstBridge.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await result.Dialog!.ByeAsync();
        var (dial, bridge) = await _outcome.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DialOutcome.Answered, dial.Outcome);
        Assert.Equal(CallParty.Caller, bridge!.EndedBy);
        var invites = Saw(SipMethods.Invite);
        Assert.Equal(2, invites.Count);
        Assert.False(invites[0].Headers.Contains(HeaderKind.ProxyAuthorization));
        Assert.True(invites[1].Headers.Contains(HeaderKind.ProxyAuthorization));
        Assert.Equal(invites[0].CallId, invites[1].CallId);
        Assert.Equal(invites[0].CSeq!.Value.Number + 1, invites[1].CSeq!.Value.Number);
        Assert.NotEqual(invites[0].Via!.Branch, invites[1].Via!.Branch);

        // The gateway challenged the BYE too (401): it was sent again with Authorization.
        var byes = Saw(SipMethods.Bye);
        Assert.Equal(2, byes.Count);
        Assert.True(byes[1].Headers.Contains(HeaderKind.Authorization));
        Assert.Equal(0, dialer.AuthenticatedLegs);
    }

    [Fact]
    public async Task Dial_WrongPasswordChallengedAgain_FailedAfterOneRetry()
    {
        Vms("wrong");

        var result = await CallAsync();
        var (dial, _) = await _outcome.Task;

        Assert.Equal(DialOutcome.Failed, dial.Outcome);
        Assert.Equal(407, dial.SipStatus);
        Assert.Equal(2, Saw(SipMethods.Invite).Count);
        Assert.Equal(480, result.Response.StatusCode);
    }

    [Fact]
    public async Task Dial_NoCredentialsConfigured_407IsAFailedDial()
    {
        Vms(null);

        await CallAsync();
        var (dial, _) = await _outcome.Task;

        Assert.Equal(DialOutcome.Failed, dial.Outcome);
        Assert.Single(Saw(SipMethods.Invite));
    }

    [Fact]
    public void For_InviteToAnotherHost_NoCredentials()
    {
        var credentials = new GatewayCredentials(SipUri.Parse("sip:127.0.0.1:5080"), new SipCredentials("vms", "s3cret"));
        var from = NameAddress.Parse("<sip:+32475000001@127.0.0.1>;tag=a");
        var toGateway = new SipRequest(SipMethods.Invite, SipUri.Parse("sip:+3247@127.0.0.1:5080"));
        toGateway.Headers.Add(HeaderKind.From, from.ToString());
        toGateway.Headers.Add(HeaderKind.To, "<sip:+3247@127.0.0.1:5080>");
        var elsewhere = new SipRequest(SipMethods.Invite, SipUri.Parse("sip:bob@203.0.113.9:5060"));
        elsewhere.Headers.Add(HeaderKind.From, from.ToString());
        elsewhere.Headers.Add(HeaderKind.To, "<sip:bob@203.0.113.9>");

        Assert.NotNull(credentials.For(toGateway, "gw"));
        Assert.Null(credentials.For(elsewhere, "gw"));
    }

    private SipOutboundDialer Vms(string? password)
    {
        var dialer = new SipOutboundDialer(_vms, new SipDialerOptions
        {
            Gateway = "sip:127.0.0.1:5080",
            GatewayUsername = password is null ? null : "vms",
            GatewayPassword = password,
        });
        var factory = new CallFactory(_media, dialer, _time, new TelephonyOptions(), NullLogger<InboundCall>.Instance);
        _vms.RequestHandler = async request =>
        {
            using var session = new SipInboundSession(request);
            var call = factory.Accept(session);
            if (call is null)
            {
                return;
            }

            await using (call)
            {
                var dial = await call.DialAsync("+32470000001", TimeSpan.FromSeconds(20), null, CancellationToken.None);
                if (dial.Outcome != DialOutcome.Answered)
                {
                    await call.HangUpAsync(480, CancellationToken.None);
                    _outcome.TrySetResult((dial, null));
                    return;
                }

                var bridge = await call.BridgeAsync(dial.Leg!, CancellationToken.None);
                _outcome.TrySetResult((dial, bridge));
            }
        };
        return dialer;
    }

    /// <summary>The gateway: 407 to INVITEs without valid Proxy-Authorization, then 200; 401 to a BYE without Authorization.</summary>
    private async Task GatewayAsync(SipIncomingRequest request)
    {
        lock (_gatewaySaw)
        {
            _gatewaySaw.Add(request.Request);
        }

        if (_auth.Verify(request.Request, out _, proxy: true) != DigestVerdict.Accepted)
        {
            var challenge = request.CreateResponse(407);
            _auth.AddChallenges(challenge);
            await request.RespondAsync(challenge);
            return;
        }

        var ok = request.CreateResponse(200);
        ok.Body = PhoneSdp.Answer(request.Request.Body, 6000);
        ok.Headers.Add(HeaderKind.ContentType, "application/sdp");
        await request.RespondAsync(ok);
        request.Dialog!.RequestHandler = async inDialog =>
        {
            lock (_gatewaySaw)
            {
                _gatewaySaw.Add(inDialog.Request);
            }

            if (inDialog.Request.Method == SipMethods.Bye && _auth.Verify(inDialog.Request, out _) != DigestVerdict.Accepted)
            {
                var challenge = inDialog.CreateResponse(401);
                _auth.AddChallenges(challenge);
                await inDialog.RespondAsync(challenge);
                return;
            }

            await inDialog.RespondAsync(200);
        };
    }

    private List<SipRequest> Saw(string method)
    {
        lock (_gatewaySaw)
        {
            return _gatewaySaw.Where(r => r.Method == method).ToList();
        }
    }

    private Task<Vms.Sip.Dialogs.SipInviteResult> CallAsync()
    {
        var uri = SipUri.Parse("sip:+3222001001@127.0.0.1:5060");
        var invite = _caller.CreateRequest(SipMethods.Invite, uri, NameAddress.Parse("<sip:+32475000001@127.0.0.1:5070>"), new NameAddress(uri));
        invite.Body = PhoneSdp.Offer(4000, G711Law.Alaw, G711Law.Ulaw);
        invite.Headers.Add(HeaderKind.ContentType, "application/sdp");
        return _caller.InviteAsync(invite);
    }

    private SipEndpoint Endpoint(int port)
    {
        var endpoint = new SipEndpoint(new SipEndpointOptions(), _time);
        endpoint.AddTransport(_network.CreateTransport(new IPEndPoint(IPAddress.Loopback, port)));
        return endpoint;
    }
}
