using Vms.Media.Sdp;
using Vms.Telephony.Media;
using Vms.Telephony.Signalling;

namespace Vms.Telephony;

/// <summary>
/// A blind transfer asked by the caller (REFER in the caller's dialog): the target is dialled for the destination,
/// the caller is told how it went and leaves with BYE, and the destination and the target talk through the relay until
/// one of them hangs up. When the target fails, the caller is bridged back to the destination if both are still there.
/// </summary>
public sealed partial class InboundCall
{
    public async Task<CallerTransferResult> TransferCallerAsync(BridgeResult bridged, string target, TimeSpan ringTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bridged);
        var transfer = bridged.Transfer ?? throw new ArgumentException("The bridge did not end by a transfer.", nameof(bridged));
        var leg = bridged.RemainingLeg ?? throw new ArgumentException("Not a transfer asked by the caller.", nameof(bridged));
        var started = _time.GetUtcNow();
        var media = _media.TryAllocate();
        if (media is null)
        {
            await ReportAsync(transfer, 503, "Service Unavailable");
            return new CallerTransferResult(new DialResult(DialOutcome.Failed, 503, "No media port", null, started, _time.GetUtcNow()), null);
        }

        var offer = OfferAnswer.CreateOffer(CallSdp.Local(_media.Address, media.Port, [leg.Negotiated.Codec], _options));
        var session = _dialer.Dial(new DialRequest(target, Caller.CalledNumber, null, SdpWriter.Write(offer)));
        var timeout = TokenTasks.After(_time, ringTimeout, out var timer);
        var first = await Task.WhenAny(session.Final, timeout, TokenTasks.WhenCancelled(leg.Session.Ended), TokenTasks.WhenCancelled(cancellationToken));
        await timer.DisposeAsync();
        if (first != session.Final)
        {
            await CancelLegAsync(session);
            media.Dispose();
            await ReportAsync(transfer, 487, "Request Terminated");
            var outcome = first == timeout ? DialOutcome.NoAnswer : DialOutcome.Cancelled;
            return new CallerTransferResult(new DialResult(outcome, 487, "Cancelled", null, started, _time.GetUtcNow()) { LegCallId = session.CallId }, null);
        }

        var final = await session.Final;
        var processed = final.IsSuccess && final.HasSdp ? OfferAnswer.ProcessAnswer(offer, final.Sdp.Span) : null;
        if (processed is not { IsAccepted: true, Media: { } negotiated })
        {
            if (final.IsSuccess)
            {
                await session.HangUpAsync(CancellationToken.None);
            }

            media.Dispose();
            var status = final.IsSuccess ? 488 : final.Status;
            var reason = final.IsSuccess ? "Not Acceptable Here" : final.Reason;
            await ReportAsync(transfer, status, reason);
            var outcome = final.IsSuccess ? DialOutcome.Failed : Classify(final.Status);
            return new CallerTransferResult(new DialResult(outcome, status, reason, null, started, _time.GetUtcNow()) { LegCallId = session.CallId }, null);
        }

        media.Connect(negotiated);
        var target2 = new OutboundLeg(session, media, offer, negotiated);
        var dial = new DialResult(DialOutcome.Answered, final.Status, final.Reason, target2, started, _time.GetUtcNow()) { LegCallId = session.CallId };
        await ReportAsync(transfer, 200, "OK");

        // The caller leaves; the destination and the target stay anchored on VMS's relay.
        State = CallState.Ended;
        if (!Caller.Ended.IsCancellationRequested)
        {
            await Caller.HangUpAsync(CancellationToken.None);
        }

        ReleaseCallerMedia();
        return new CallerTransferResult(dial, await BridgeLegsAsync(leg, target2, cancellationToken));
    }

    /// <summary>
    /// Relays two outgoing legs (re-INVITEs passed through) until either hangs up, then ends the other; both get BYE
    /// (with the media-timeout Reason) when neither sent RTP for <see cref="TelephonyOptions.MediaTimeout"/>.
    /// </summary>
    private async Task<BridgeResult> BridgeLegsAsync(OutboundLeg a, OutboundLeg b, CancellationToken cancellationToken)
    {
        var connectedAt = _time.GetUtcNow();
        var timedOut = false;
        var endedBy = CallParty.Callee;
        using (var watchdog = MediaWatchdog.Start(a.Media, a.Negotiated.Direction, b.Media, b.Negotiated.Direction, _time, _options))
        using (a.Media.Bridge(b.Media))
        {
            a.Session.OnReInvite = (offer, ct) => RelayReInviteAsync(offer, b.Session, b.Media, a.Media, a.Negotiated.Codec, m => a.Negotiated = m, watchdog, ct);
            b.Session.OnReInvite = (offer, ct) => RelayReInviteAsync(offer, a.Session, a.Media, b.Media, b.Negotiated.Codec, m => b.Negotiated = m, watchdog, ct);
            var aGone = TokenTasks.WhenCancelled(a.Session.Ended);
            var bGone = TokenTasks.WhenCancelled(b.Session.Ended);
            var silent = watchdog?.TimedOut ?? new TaskCompletionSource().Task;
            var first = await Task.WhenAny(aGone, bGone, TokenTasks.WhenCancelled(cancellationToken), silent);
            watchdog?.Dispose();
            a.Session.OnReInvite = null;
            b.Session.OnReInvite = null;
            timedOut = first == silent;
            var reason = timedOut ? MediaTimeoutReason : null;
            if (timedOut)
            {
                endedBy = CallParty.System;
                LogMediaTimeout(_logger, a.Session.CallId, b.Session.CallId, _options.MediaTimeout.TotalSeconds);
            }

            if (first != aGone)
            {
                await a.Session.HangUpAsync(reason, CancellationToken.None);
            }

            if (first != bGone)
            {
                await b.Session.HangUpAsync(reason, CancellationToken.None);
            }
        }

        a.Dispose();
        b.Dispose();
        return new BridgeResult(true, endedBy, connectedAt, _time.GetUtcNow()) { MediaTimedOut = timedOut };
    }
}
