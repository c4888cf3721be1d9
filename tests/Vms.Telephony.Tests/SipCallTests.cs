using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vms.Media.Codecs;
using Vms.Sip;
using Vms.Sip.Messages;
using Vms.Sip.Transport;
using Vms.Sip.Uris;
using Vms.Telephony.Sip;
using Vms.Telephony.Tests.Fakes;

namespace Vms.Telephony.Tests;

/// <summary>
/// The call layer over the real SIP stack on an in-memory network with a fake clock: a caller, VMS (B2BUA) and a
/// destination phone behind the gateway address.
/// </summary>
public sealed class SipCallTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemorySipNetwork _network = new();
    private readonly SipEndpoint _vms;
    private readonly SipEndpoint _caller;
    private readonly SipEndpoint _phone;
    private readonly FakeMediaEngine _media = new();
    private readonly TaskCompletionSource<(DialResult Dial, BridgeResult? Bridge)> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SipCallTests()
    {
        _vms = Endpoint(5060);
        _caller = Endpoint(5070);
        _phone = Endpoint(5080);
        var factory = new CallFactory(_media, new SipOutboundDialer(_vms, new SipDialerOptions { Gateway = "sip:127.0.0.1:5080" }), _time, new TelephonyOptions(), NullLogger<InboundCall>.Instance);
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
                    await call.HangUpAsync(dial.Outcome == DialOutcome.Busy ? 486 : 480, CancellationToken.None);
                    _outcome.TrySetResult((dial, null));
                    return;
                }

                var bridge = await call.BridgeAsync(dial.Leg!, CancellationToken.None);
                _outcome.TrySetResult((dial, bridge));
            }
        };
    }

    public List<string> PhoneSaw { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _vms.DisposeAsync();
        await _caller.DisposeAsync();
        await _phone.DisposeAsync();
    }

    [Fact]
    public async Task Invite_PhoneAnswers_BridgedAndCallerByeReachesPhone()
    {
        PhoneAnswers(status: 200);

        var result = await CallAsync();
        Assert.True(result.IsAnswered, result.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("198.51.100.1", System.Text.Encoding.ASCII.GetString(result.Response.Body.Span), StringComparison.Ordinal);
        // BYE once VMS has taken the dialog over (bridged): an earlier one would reach the endpoint's new-call handler.
        await _media.FirstBridge.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await result.Dialog!.ByeAsync();
        var (dial, bridge) = await _outcome.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DialOutcome.Answered, dial.Outcome);
        Assert.Equal(CallParty.Caller, bridge!.EndedBy);
        Assert.Contains("BYE", PhoneSaw);
        Assert.Contains("Diversion", PhoneSaw);
    }

    [Fact]
    public async Task Invite_PhoneBusy_CallerGets486()
    {
        PhoneAnswers(status: 486);

        var result = await CallAsync();
        var (dial, _) = await _outcome.Task;

        Assert.Equal(486, result.Response.StatusCode);
        Assert.Equal(DialOutcome.Busy, dial.Outcome);
    }

    [Fact]
    public async Task Invite_PhoneRingsPastTimeout_VmsCancelsAndCallerGets480()
    {
        PhoneAnswers(status: 0);

        var call = CallAsync();
        Assert.Contains("INVITE", PhoneSaw);
        _time.Advance(TimeSpan.FromSeconds(20));
        var result = await call;
        var (dial, _) = await _outcome.Task;

        Assert.Equal(480, result.Response.StatusCode);
        Assert.Equal(DialOutcome.NoAnswer, dial.Outcome);
        Assert.Contains("CANCEL", PhoneSaw);
    }

    [Fact]
    public async Task Invite_CallerCancelsWhileRinging_PhoneLegCancelled()
    {
        PhoneAnswers(status: 0);
        using var cancel = new CancellationTokenSource();

        var call = CallAsync(cancel.Token);
        await cancel.CancelAsync();
        var result = await call;
        var (dial, _) = await _outcome.Task;

        Assert.Equal(487, result.Response.StatusCode);
        Assert.Equal(DialOutcome.Cancelled, dial.Outcome);
        Assert.Contains("CANCEL", PhoneSaw);
    }

    [Fact]
    public async Task Invite_NoMediaForTimeout_ByeWithReasonToCallerAndPhone()
    {
        PhoneAnswers(status: 200);
        var result = await CallAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(result.IsAnswered);
        var callerBye = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        result.Dialog!.RequestHandler = async inDialog =>
        {
            callerBye.TrySetResult(string.Join(",", inDialog.Request.Headers.GetTexts(HeaderKind.Reason)));
            await inDialog.RespondAsync(200);
        };

        // The bridge (and its media check, started just before) is up once the caller's endpoint relays to the phone's.
        // Half a second (T1): should the caller's first ACK be missed, the 200's retransmission brings another.
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await _media.FirstBridge.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 12; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        var (_, bridge) = await _outcome.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(bridge!.MediaTimedOut);
        Assert.Equal("SIP;cause=200;text=\"media timeout\"", await callerBye.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        lock (PhoneSaw)
        {
            Assert.Contains("BYE", PhoneSaw);
            Assert.Contains("Reason: SIP;cause=200;text=\"media timeout\"", PhoneSaw);
        }
    }

    private Task<Vms.Sip.Dialogs.SipInviteResult> CallAsync(CancellationToken cancellationToken = default)
    {
        var uri = SipUri.Parse("sip:+3222001001@127.0.0.1:5060");
        var invite = _caller.CreateRequest(SipMethods.Invite, uri, NameAddress.Parse("<sip:+32475000001@127.0.0.1:5070>"), new NameAddress(uri));
        invite.Body = PhoneSdp.Offer(4000, G711Law.Alaw, G711Law.Ulaw);
        invite.Headers.Add(HeaderKind.ContentType, "application/sdp");
        return _caller.InviteAsync(invite, null, false, cancellationToken);
    }

    /// <summary>The phone rings (180) then answers with <paramref name="status"/>; 0: rings until cancelled.</summary>
    private void PhoneAnswers(int status)
    {
        _phone.RequestHandler = async request =>
        {
            lock (PhoneSaw)
            {
                PhoneSaw.Add(request.Request.Method);
                if (request.Request.Headers.Contains(HeaderKind.Diversion))
                {
                    PhoneSaw.Add("Diversion");
                }
            }

            if (request.Request.Method == SipMethods.Bye)
            {
                await request.RespondAsync(200);
                return;
            }

            await request.RespondAsync(180);
            if (status == 0)
            {
                var cancelled = new TaskCompletionSource();
                using var registration = request.Cancelled.Register(() =>
                {
                    lock (PhoneSaw)
                    {
                        PhoneSaw.Add("CANCEL");
                    }

                    cancelled.TrySetResult();
                });
                await cancelled.Task;
                return;
            }

            var response = request.CreateResponse(status);
            if (status == 200)
            {
                response.Body = PhoneSdp.Answer(request.Request.Body, 6000);
                response.Headers.Add(HeaderKind.ContentType, "application/sdp");
            }

            await request.RespondAsync(response);
            if (status == 200 && request.Dialog is { } dialog)
            {
                dialog.RequestHandler = async inDialog =>
                {
                    lock (PhoneSaw)
                    {
                        PhoneSaw.Add(inDialog.Request.Method);
                        foreach (var reason in inDialog.Request.Headers.GetTexts(HeaderKind.Reason))
                        {
                            PhoneSaw.Add("Reason: " + reason);
                        }
                    }

                    await inDialog.RespondAsync(200);
                };
            }
        };
    }

    private SipEndpoint Endpoint(int port)
    {
        var endpoint = new SipEndpoint(new SipEndpointOptions(), _time);
        endpoint.AddTransport(_network.CreateTransport(new IPEndPoint(IPAddress.Loopback, port)));
        return endpoint;
    }
}
