using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vms.Media.Codecs;
using Vms.Sip;
using Vms.Sip.Dialogs;
using Vms.Sip.Messages;
using Vms.Sip.Transport;
using Vms.Sip.Uris;
using Vms.Telephony.Sip;
using Vms.Telephony.Tests.Fakes;

namespace Vms.Telephony.Tests.Sip;

/// <summary>
/// REFER over the real SIP stack on an in-memory network (fake clock): the destination (5080) transfers the caller
/// (5070) to a target (5090); VMS answers 202, NOTIFYs 100 then 200 with message/sipfrag, BYEs the transferor.
/// </summary>
[Trait("rfc", "3515")]
public sealed class SipTransferTests : IAsyncDisposable
{
    /// <summary>A real-time bound so a regression fails the test instead of hanging the run.</summary>
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();
    private readonly InMemorySipNetwork _network = new();
    private readonly SipEndpoint _vms;
    private readonly SipEndpoint _caller;
    private readonly SipEndpoint _transferor;
    private readonly SipEndpoint _target;
    private readonly FakeMediaEngine _media = new();
    private readonly List<SipRequest> _transferorSaw = [];
    private readonly List<SipRequest> _targetSaw = [];
    private readonly TaskCompletionSource<SipDialog> _transferorDialog = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<BridgeResult> _finalBridge = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SipTransferTests()
    {
        _vms = Endpoint(5060);
        _caller = Endpoint(5070);
        _transferor = Endpoint(5080);
        _target = Endpoint(5090);
        _transferor.RequestHandler = r => AnswerAsync(r, _transferorSaw, _transferorDialog);
        _target.RequestHandler = r => AnswerAsync(r, _targetSaw, null);
        var factory = new CallFactory(_media, new SipOutboundDialer(_vms, new SipDialerOptions { Gateway = "sip:127.0.0.1:5080" }), _time,
            new TelephonyOptions(), NullLogger<InboundCall>.Instance);
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
                var leg = dial.Leg!;
                while (true)
                {
                    var bridged = await call.BridgeAsync(leg, CancellationToken.None);
                    if (bridged.Transfer is null)
                    {
                        _finalBridge.TrySetResult(bridged);
                        return;
                    }

                    var target = TransferTargets.Resolve(bridged.TransferTarget!, true)!;
                    if (bridged.RemainingLeg is { } remaining)
                    {
                        var byCaller = await call.TransferCallerAsync(bridged, target, TimeSpan.FromSeconds(20), CancellationToken.None);
                        if (byCaller.Bridge is { } legs)
                        {
                            _finalBridge.TrySetResult(legs);
                            return;
                        }

                        leg = remaining;
                        continue;
                    }

                    var next = await call.CompleteTransferAsync(bridged, target, TimeSpan.FromSeconds(20), CancellationToken.None);
                    leg = next.Leg ?? bridged.TransferringLeg!;
                }
            }
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _vms.DisposeAsync();
        await _caller.DisposeAsync();
        await _transferor.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task Refer_FromDestination_202ThenNotify100And200ThenByeAndCallerBridgedToTarget()
    {
        var call = await CallAsync();
        var dialog = await _transferorDialog.Task.WaitAsync(Bounded);

        var refer = dialog.CreateRequest(SipMethods.Refer);
        refer.Headers.Add(HeaderKind.ReferTo, "<sip:+32470000002@127.0.0.1:5090>");
        var response = await dialog.SendRequestAsync(refer).WaitAsync(Bounded);
        Assert.Equal(202, response.StatusCode);
        await Eventually(() => Saw(_transferorSaw, SipMethods.Bye).Count == 1);

        var notifies = Saw(_transferorSaw, SipMethods.Notify);
        Assert.Equal(2, notifies.Count);
        Assert.Equal("SIP/2.0 100 Trying\r\n", Encoding.ASCII.GetString(notifies[0].Body.Span));
        Assert.Equal("SIP/2.0 200 OK\r\n", Encoding.ASCII.GetString(notifies[1].Body.Span));
        Assert.All(notifies, n =>
        {
            Assert.Equal("refer", n.Headers.GetFirst(HeaderKind.Event));
            Assert.StartsWith("message/sipfrag", n.Headers.GetFirst(HeaderKind.ContentType), StringComparison.Ordinal);
        });
        Assert.StartsWith("active", notifies[0].Headers.Get("Subscription-State"), StringComparison.Ordinal);
        Assert.StartsWith("terminated", notifies[1].Headers.Get("Subscription-State"), StringComparison.Ordinal);
        var order = Methods(_transferorSaw);
        Assert.True(order.LastIndexOf(SipMethods.Notify) < order.IndexOf(SipMethods.Bye), string.Join(",", order));
        Assert.Single(Saw(_targetSaw, SipMethods.Invite));

        // The caller now talks to the target: its BYE reaches the target.
        await call.Dialog!.ByeAsync();
        var ended = await _finalBridge.Task.WaitAsync(Bounded);
        Assert.Equal(CallParty.Caller, ended.EndedBy);
        await Eventually(() => Saw(_targetSaw, SipMethods.Bye).Count == 1);
    }

    [Fact]
    public async Task Refer_WithoutReferTo_400AndCallStaysUp()
    {
        var call = await CallAsync();
        var dialog = await _transferorDialog.Task.WaitAsync(Bounded);

        var response = await dialog.SendRequestAsync(dialog.CreateRequest(SipMethods.Refer)).WaitAsync(Bounded);

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(Saw(_transferorSaw, SipMethods.Notify));
        await call.Dialog!.ByeAsync();
        Assert.Equal(CallParty.Caller, (await _finalBridge.Task.WaitAsync(Bounded)).EndedBy);
    }

    [Fact]
    public async Task Refer_FromCaller_202ThenCallerByeAndDestinationBridgedToTarget()
    {
        var call = await CallAsync();
        await _transferorDialog.Task.WaitAsync(Bounded);
        var callerSaw = new List<SipRequest>();
        call.Dialog!.RequestHandler = async r =>
        {
            lock (callerSaw)
            {
                callerSaw.Add(r.Request);
            }

            await r.RespondAsync(200);
        };

        var refer = call.Dialog.CreateRequest(SipMethods.Refer);
        refer.Headers.Add(HeaderKind.ReferTo, "<sip:+32470000002@127.0.0.1:5090>");
        var response = await call.Dialog.SendRequestAsync(refer).WaitAsync(Bounded);

        Assert.Equal(202, response.StatusCode);
        await Eventually(() => Saw(callerSaw, SipMethods.Bye).Count == 1);
        Assert.Equal(["NOTIFY", "NOTIFY", "BYE"], Methods(callerSaw));
        Assert.Equal("SIP/2.0 200 OK\r\n", Encoding.ASCII.GetString(Saw(callerSaw, SipMethods.Notify)[1].Body.Span));
        Assert.Single(Saw(_targetSaw, SipMethods.Invite));

        // The destination (5080) and the target (5090) talk on: the destination's BYE reaches the target.
        var destination = await _transferorDialog.Task.WaitAsync(Bounded);
        await destination.ByeAsync();
        Assert.Equal(CallParty.Callee, (await _finalBridge.Task.WaitAsync(Bounded)).EndedBy);
        await Eventually(() => Saw(_targetSaw, SipMethods.Bye).Count == 1);
    }

    private async Task<SipInviteResult> CallAsync()
    {
        var uri = SipUri.Parse("sip:+3222001001@127.0.0.1:5060");
        var invite = _caller.CreateRequest(SipMethods.Invite, uri, NameAddress.Parse("<sip:+32475000001@127.0.0.1:5070>"), new NameAddress(uri));
        invite.Body = PhoneSdp.Offer(4000, G711Law.Alaw, G711Law.Ulaw);
        invite.Headers.Add(HeaderKind.ContentType, "application/sdp");
        var result = await _caller.InviteAsync(invite).WaitAsync(Bounded);
        Assert.True(result.IsAnswered);
        // The in-memory network delivers synchronously: the caller's first ACK crosses VMS's 2xx before the server
        // transaction expects it, and the retransmitted 2xx (T1 later) is what gets acknowledged.
        // Each step gives the thread pool a real moment to run the stack's continuations (busy CI machines).
        for (var i = 0; i < 40 && !_media.FirstBridge.Task.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(_media.FirstBridge.Task, Task.Delay(25));
        }

        await _media.FirstBridge.Task.WaitAsync(Bounded); // the bridge is up (REFERs are taken from then on)
        return result;
    }

    private static async Task AnswerAsync(SipIncomingRequest request, List<SipRequest> saw, TaskCompletionSource<SipDialog>? dialogReady)
    {
        lock (saw)
        {
            saw.Add(request.Request);
        }

        var ok = request.CreateResponse(200);
        ok.Body = PhoneSdp.Answer(request.Request.Body, 6000);
        ok.Headers.Add(HeaderKind.ContentType, "application/sdp");
        await request.RespondAsync(ok);
        var dialog = request.Dialog!;
        dialog.RequestHandler = async inDialog =>
        {
            lock (saw)
            {
                saw.Add(inDialog.Request);
            }

            await inDialog.RespondAsync(200);
        };
        dialogReady?.TrySetResult(dialog);
    }

    private static List<SipRequest> Saw(List<SipRequest> saw, string method)
    {
        lock (saw)
        {
            return saw.Where(r => r.Method == method).ToList();
        }
    }

    private static List<string> Methods(List<SipRequest> saw)
    {
        lock (saw)
        {
            return saw.Select(r => r.Method).ToList();
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200_000 && !condition(); i++)
        {
            await Task.Yield();
        }

        Assert.True(condition(), "the condition was never reached");
    }

    private SipEndpoint Endpoint(int port)
    {
        var endpoint = new SipEndpoint(new SipEndpointOptions(), _time);
        endpoint.AddTransport(_network.CreateTransport(new IPEndPoint(IPAddress.Loopback, port)));
        return endpoint;
    }
}
