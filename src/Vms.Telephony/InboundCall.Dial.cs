using Microsoft.Extensions.Logging;
using Vms.Media.Sdp;
using Vms.Telephony.Media;
using Vms.Telephony.Signalling;

namespace Vms.Telephony;

/// <summary>Dialling a destination: INVITE out with our anchored SDP, early media passed to the caller, ring timeout with CANCEL.</summary>
public sealed partial class InboundCall
{
    private readonly Lock _gate = new();
    private IDisposable? _earlyBridge;

    /// <summary>
    /// Places an outgoing leg to <paramref name="target"/> and waits for its outcome: answered (the leg to bridge),
    /// busy (486/600), no answer (ring timeout → CANCEL, or 408/480), failed (5xx, transport, others) or cancelled
    /// (the caller hung up while it rang → CANCEL).
    /// </summary>
    public async Task<DialResult> DialAsync(string target, TimeSpan ringTimeout, string? presentedCaller, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        if (Caller.Ended.IsCancellationRequested || State == CallState.Ended)
        {
            return new DialResult(DialOutcome.Cancelled, 487, "Caller gone", null, started, started);
        }

        var media = _media.TryAllocate();
        if (media is null)
        {
            LogPortsExhausted(_logger, Caller.CallId);
            return new DialResult(DialOutcome.Failed, 503, "No media port", null, started, _time.GetUtcNow());
        }

        var offer = OfferAnswer.CreateOffer(CallSdp.Local(_media.Address, media.Port, CallerCodecs, _options));
        var session = _dialer.Dial(new DialRequest(target, presentedCaller ?? Caller.CallerNumber, Caller.CalledNumber, SdpWriter.Write(offer)));
        NegotiatedMedia? early = null;
        void OnProvisional(SipAnswer p)
        {
            lock (_gate)
            {
                early ??= TryEarlyMedia(p, offer, media);
                if (early is null && p.Status is 180 or 183)
                {
                    Ring();
                }
            }
        }

        session.Provisional += OnProvisional;
        var timeout = TokenTasks.After(_time, ringTimeout, out var timer);
        var first = await Task.WhenAny(session.Final, timeout, TokenTasks.WhenCancelled(Caller.Ended), TokenTasks.WhenCancelled(cancellationToken));
        await timer.DisposeAsync();
        session.Provisional -= OnProvisional;

        if (first != session.Final)
        {
            await CancelLegAsync(session);
            StopEarlyMedia();
            media.Dispose();
            var outcome = first == timeout ? DialOutcome.NoAnswer : DialOutcome.Cancelled;
            LogDialEnded(_logger, Caller.CallId, target, outcome, 487);
            return new DialResult(outcome, 487, first == timeout ? "Ring timeout" : "Caller gone", null, started, _time.GetUtcNow()) { LegCallId = session.CallId };
        }

        var final = await session.Final;
        if (final.IsSuccess)
        {
            var negotiated = final.HasSdp ? OfferAnswer.ProcessAnswer(offer, final.Sdp.Span) : null;
            var media2 = negotiated is { IsAccepted: true } ? negotiated.Media : early;
            if (media2 is null)
            {
                LogDialEnded(_logger, Caller.CallId, target, DialOutcome.Failed, 488);
                await session.HangUpAsync(CancellationToken.None);
                StopEarlyMedia();
                media.Dispose();
                return new DialResult(DialOutcome.Failed, 488, "Answer without usable SDP", null, started, _time.GetUtcNow()) { LegCallId = session.CallId };
            }

            media.Connect(media2);
            LogDialEnded(_logger, Caller.CallId, target, DialOutcome.Answered, final.Status);
            return new DialResult(DialOutcome.Answered, final.Status, final.Reason, new OutboundLeg(session, media, offer, media2), started, _time.GetUtcNow()) { LegCallId = session.CallId };
        }

        StopEarlyMedia();
        media.Dispose();
        var classified = Classify(final.Status);
        LogDialEnded(_logger, Caller.CallId, target, classified, final.Status);
        return new DialResult(classified, final.Status, final.Reason, null, started, _time.GetUtcNow()) { LegCallId = session.CallId };
    }

    /// <summary>486/600 busy; 408/480/487 no answer; everything else (5xx, 404, transport) failed.</summary>
    public static DialOutcome Classify(int status) => status switch
    {
        486 or 600 => DialOutcome.Busy,
        408 or 480 or 487 => DialOutcome.NoAnswer,
        _ => DialOutcome.Failed,
    };

    /// <summary>A 18x with SDP while the caller is not answered: connect the callee's early media to the caller with a 183.</summary>
    private NegotiatedMedia? TryEarlyMedia(SipAnswer provisional, SessionDescription offer, IMediaEndpoint calleeMedia)
    {
        if (!provisional.HasSdp || _callerOffer is null || State is not (CallState.Setup or CallState.EarlyMedia) || _finalSent)
        {
            return null;
        }

        var processed = OfferAnswer.ProcessAnswer(offer, provisional.Sdp.Span);
        if (!processed.IsAccepted || _callerMedia is null && (_callerMedia = _media.TryAllocate()) is null)
        {
            return null;
        }

        if (!PrepareCallerSdp(processed.Media!.Codec))
        {
            return null;
        }

        calleeMedia.Connect(processed.Media);
        _callerMedia.Connect(_callerNegotiated!);
        _earlyBridge?.Dispose();
        _earlyBridge = _callerMedia.Bridge(calleeMedia);
        State = CallState.EarlyMedia;
        Caller.SendProvisional(183, SdpWriter.Write(_callerLocal!));
        return processed.Media;
    }

    private void StopEarlyMedia()
    {
        lock (_gate)
        {
            _earlyBridge?.Dispose();
            _earlyBridge = null;
        }
    }

    /// <summary>CANCEL and wait a little for the 487; a 200 that crossed the CANCEL is hung up at once.</summary>
    private async Task CancelLegAsync(IOutboundSession session)
    {
        session.Cancel();
        var grace = TokenTasks.After(_time, _options.CancelGrace, out var timer);
        var done = await Task.WhenAny(session.Final, grace);
        await timer.DisposeAsync();
        if (done == session.Final && (await session.Final).IsSuccess)
        {
            await session.HangUpAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Call {CallId}: dial {Target} → {Outcome} ({Status})")]
    private static partial void LogDialEnded(ILogger logger, string callId, string target, DialOutcome outcome, int status);
}
