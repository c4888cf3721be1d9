using System.Collections.Concurrent;
using System.Diagnostics;
using Vms.Media;
using Vms.Media.Playback;
using Vms.Sip;
using Vms.Sip.Dialogs;
using Vms.Sip.Messages;
using Vms.Sip.Transport;
using Vms.Sip.Uris;

namespace Vms.NetSim;

/// <summary>
/// The operator's network, simulated over real UDP: places calls into VMS (as callers) and answers the calls VMS
/// forwards (as destination phones, with a behaviour per number). Built on Vms.Sip and Vms.Media.
/// </summary>
public sealed class NetworkSimulator : IAsyncDisposable
{
    private readonly NetSimOptions _options;
    private readonly TimeProvider _time;
    private readonly SipEndpoint _sip;
    private readonly MediaEngine _media;
    private readonly ConcurrentDictionary<string, PhoneBehaviour> _phones;
    private readonly ConcurrentQueue<string> _log = new();
    private long _received;

    public NetworkSimulator(NetSimOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _sip = new SipEndpoint(new SipEndpointOptions { UserAgent = "VMS-NetSim" }, _time);
        _media = new MediaEngine(new MediaEngineOptions { BindAddress = options.Listen.Address, MinPort = options.RtpMinPort, MaxPort = options.RtpMaxPort }, _time);
        _phones = new ConcurrentDictionary<string, PhoneBehaviour>(options.Phones, StringComparer.Ordinal);
    }

    /// <summary>Calls received as destination phones.</summary>
    public long CallsReceived => Interlocked.Read(ref _received);

    /// <summary>The last events (newest last), for a console or the portal.</summary>
    public IReadOnlyList<string> RecentEvents => _log.ToArray();

    public System.Net.IPEndPoint LocalEndPoint => _sip.Transports[0].LocalEndPoint;

    public void Start()
    {
        _sip.AddTransport(UdpSipTransport.Bind(_options.Listen));
        _sip.RequestHandler = OnRequestAsync;
        Log($"network simulator on {LocalEndPoint}, VMS at {_options.Vms}");
    }

    public void SetPhone(string number, PhoneBehaviour behaviour) => _phones[number] = behaviour;

    /// <summary>
    /// Places a call from <paramref name="caller"/> to <paramref name="called"/> into VMS; when answered, sends
    /// <paramref name="digits"/> (after a second) and hangs up after <paramref name="hold"/> unless VMS does first.
    /// </summary>
    public async Task<SimulatedCallResult> PlaceCallAsync(string caller, string called, TimeSpan hold, string? digits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(called);
        var started = _time.GetTimestamp();
        var sessionResult = _media.CreateSession();
        if (sessionResult.Session is not { } media)
        {
            return new SimulatedCallResult(503, sessionResult.Error ?? "no RTP port", false, false, TimeSpan.Zero, TimeSpan.Zero, "");
        }

        await using (media)
        {
            var host = _options.Listen.Address.ToString();
            var target = new SipUri(SipUriScheme.Sip, called, _options.Vms.Address.ToString(), _options.Vms.Port);
            var from = new NameAddress(new SipUri(SipUriScheme.Sip, string.IsNullOrEmpty(caller) ? "anonymous" : caller, host));
            var invite = _sip.CreateRequest(SipMethods.Invite, target, from, new NameAddress(target));
            invite.Body = Vms.Media.Sdp.SdpWriter.Write(media.CreateOffer());
            invite.Headers.Add(HeaderKind.ContentType, "application/sdp");
            var callId = invite.CallId ?? "";
            Log($"call {caller} → {called} ({callId})");
            var result = await _sip.InviteAsync(invite, null, false, cancellationToken);
            var setup = _time.GetElapsedTime(started);
            if (!result.IsAnswered)
            {
                Log($"call {caller} → {called}: {result.Response.StatusCode} {result.Response.ReasonPhrase}");
                return new SimulatedCallResult(result.Response.StatusCode, result.Response.ReasonPhrase, false, false, setup, TimeSpan.Zero, callId);
            }

            media.AcceptAnswer(result.Response.Body.Span);
            _ = media.PlayAsync(PromptTone("caller", 350), false, CancellationToken.None);
            var dialog = result.Dialog!;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _ = dialog.Terminated.ContinueWith(_ => linked.Cancel(), TaskScheduler.Default);
            if (!string.IsNullOrEmpty(digits) && await Delays.WaitAsync(_time, TimeSpan.FromSeconds(1), linked.Token))
            {
                media.SendDigits(digits);
                Log($"call {caller} → {called}: pressed {digits}");
            }

            var heldToTheEnd = await Delays.WaitAsync(_time, hold, linked.Token);
            var endedByVms = dialog.State == SipDialogState.Terminated;
            if (heldToTheEnd && !endedByVms)
            {
                await dialog.ByeAsync(CancellationToken.None);
            }

            Log($"call {caller} → {called}: answered, ended by {(endedByVms ? "VMS" : "caller")}");
            return new SimulatedCallResult(200, "OK", true, endedByVms, setup, _time.GetElapsedTime(started) - setup, callId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sip.DisposeAsync();
        _media.Dispose();
    }

    private Task OnRequestAsync(SipIncomingRequest request)
    {
        if (request.Request.Method != SipMethods.Invite)
        {
            return request.RespondAsync(request.Request.Method == SipMethods.Bye ? 481 : 405);
        }

        Interlocked.Increment(ref _received);
        var number = request.Request.RequestUri?.User ?? "";
        var behaviour = _phones.TryGetValue(number, out var b) ? b : _options.DefaultBehaviour;
        // The handler lasts as long as the call: the stack answers 500 when it ends without a final response.
        return AnswerAsPhoneAsync(request, number, behaviour);
    }

    private async Task AnswerAsPhoneAsync(SipIncomingRequest request, string number, PhoneBehaviour behaviour)
    {
        Log($"phone {number}: incoming call from {request.Request.From?.Uri.User}, {behaviour.Kind}");
        switch (behaviour.Kind)
        {
            case PhoneBehaviourKind.Busy:
                await request.RespondAsync(486, "Busy Here");
                return;
            case PhoneBehaviourKind.Unreachable:
                await request.RespondAsync(behaviour.Status, "Unreachable");
                return;
            default:
                break;
        }

        await request.RespondAsync(180, "Ringing");
        if (behaviour.Kind == PhoneBehaviourKind.NoAnswer || !await Delays.WaitAsync(_time, behaviour.AnswerAfter, request.Cancelled))
        {
            return; // CANCEL: the stack answered 487
        }

        var sessionResult = _media.CreateSession();
        if (sessionResult.Session is not { } media)
        {
            await request.RespondAsync(503, "No RTP port");
            return;
        }

        await using (media)
        {
            var answer = media.AcceptOffer(request.Request.Body.Span);
            if (!answer.IsAccepted)
            {
                await request.RespondAsync(488, "Not Acceptable Here");
                return;
            }

            var ok = request.CreateResponse(200);
            ok.Body = Vms.Media.Sdp.SdpWriter.Write(answer.LocalDescription!);
            ok.Headers.Add(HeaderKind.ContentType, "application/sdp");
            await request.RespondAsync(ok);
            if (request.Dialog is not { } dialog)
            {
                return;
            }

            _ = media.PlayAsync(PromptTone("phone", behaviour.ToneHertz), false, CancellationToken.None);
            using var ended = new CancellationTokenSource();
            _ = dialog.Terminated.ContinueWith(_ => ended.Cancel(), TaskScheduler.Default);
            if (behaviour.Kind == PhoneBehaviourKind.AnswerAndSendDtmf && await Delays.WaitAsync(_time, TimeSpan.FromSeconds(1), ended.Token))
            {
                media.SendDigits(behaviour.Digits);
            }

            var hangUp = behaviour.HangUpAfter > TimeSpan.Zero
                ? Delays.WaitAsync(_time, behaviour.HangUpAfter, ended.Token)
                : Delays.WaitAsync(_time, Timeout.InfiniteTimeSpan, ended.Token);
            if (await hangUp && dialog.State != SipDialogState.Terminated)
            {
                await dialog.ByeAsync(CancellationToken.None);
            }

            Log($"phone {number}: call ended");
        }
    }

    private static Prompt PromptTone(string name, double hertz)
    {
        var samples = new short[8000 * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(6000 * Math.Sin(2 * Math.PI * hertz * i / 8000));
        }

        return new Prompt(name + hertz.ToString(System.Globalization.CultureInfo.InvariantCulture), samples);
    }

    private void Log(string text)
    {
        _log.Enqueue($"{_time.GetUtcNow():HH:mm:ss.fff} {text}");
        while (_log.Count > 200 && _log.TryDequeue(out _))
        {
        }
    }
}
