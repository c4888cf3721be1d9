using Vms.Media.Codecs;
using Vms.Media.Sdp;
using Vms.Telephony.Media;
using Microsoft.Extensions.Logging;
using Vms.Telephony.Signalling;

namespace Vms.Telephony;

/// <summary>Bridging the caller with an answered leg through the relay until either side hangs up; re-INVITEs (hold) passed through.</summary>
public sealed partial class InboundCall
{
    /// <summary>The Reason header (RFC 3326) of the BYEs VMS sends when it ends a call for lack of media.</summary>
    internal const string MediaTimeoutReason = "SIP;cause=200;text=\"media timeout\"";

    private ulong _sdpVersion = 1;
    private TaskCompletionSource<TransferRequest>? _transfer;

    /// <summary>
    /// Blind transfer of a bridged call started by VMS (a REFER from the destination does the same): the bridge
    /// ends and <see cref="BridgeAsync"/> returns with <see cref="BridgeResult.Transfer"/> and the destination's leg
    /// still up; the caller stays answered, ready to be dialled on and bridged again (media stays anchored, the
    /// relay rewrites the new leg's stream). False when no bridge is up or a transfer is already under way.
    /// </summary>
    public bool TransferTo(string target) => Volatile.Read(ref _transfer)?.TrySetResult(new TransferRequest(target, null)) == true;

    /// <summary>When set before <see cref="BridgeAsync"/>, both directions of the connected call are recorded there (REC).</summary>
    public string? RecordingPath { get; set; }

    /// <summary>True when the bridged call was recorded to <see cref="RecordingPath"/>.</summary>
    public bool Recorded { get; private set; }

    /// <summary>
    /// Answers the caller when not yet answered (with the codec the callee chose), relays media both ways and waits
    /// until the caller or the callee hangs up (BYE), then ends the other side. When no RTP comes from either side for
    /// <see cref="TelephonyOptions.MediaTimeout"/> (and neither leg is on hold), VMS ends the call: BYE to both legs
    /// with <c>Reason: SIP;cause=200;text="media timeout"</c>, <see cref="BridgeResult.MediaTimedOut"/> set.
    /// </summary>
    public async Task<BridgeResult> BridgeAsync(OutboundLeg leg, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leg);
        StopEarlyMedia();
        if (State is CallState.Setup or CallState.EarlyMedia)
        {
            if (!await AnswerCallerAsync(leg.Negotiated.Codec, cancellationToken))
            {
                await leg.Session.HangUpAsync(CancellationToken.None);
                leg.Dispose();
                return new BridgeResult(false, CallParty.Caller, null, _time.GetUtcNow());
            }
        }

        if (_callerMedia is null)
        {
            await leg.Session.HangUpAsync(CancellationToken.None);
            leg.Dispose();
            return new BridgeResult(false, CallParty.Caller, null, _time.GetUtcNow());
        }

        var connectedAt = _time.GetUtcNow();
        var callerMedia = _callerMedia;
        var transfer = new TaskCompletionSource<TransferRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _transfer, transfer);
        leg.Session.OnRefer = request => transfer.TrySetResult(request);
        var callerTransfer = new TaskCompletionSource<TransferRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        Caller.OnRefer = request => callerTransfer.TrySetResult(request);
        using (var watchdog = MediaWatchdog.Start(callerMedia, _callerNegotiated?.Direction ?? MediaDirection.SendRecv, leg.Media, leg.Negotiated.Direction, _time, _options))
        using (var bridge = callerMedia.Bridge(leg.Media))
        {
            State = CallState.Bridged;
            if (RecordingPath is { } path)
            {
                Recorded = bridge is IRecordableBridge recordable && recordable.StartRecording(path);
            }

            Caller.OnReInvite = (offer, ct) => RelayReInviteAsync(offer, leg.Session, leg.Media, callerMedia, leg.Negotiated.Codec, m => _callerNegotiated = m, watchdog, ct);
            leg.Session.OnReInvite = (offer, ct) => RelayReInviteAsync(offer, Caller, callerMedia, leg.Media, leg.Negotiated.Codec, m => leg.Negotiated = m, watchdog, ct);

            var callerGone = TokenTasks.WhenCancelled(Caller.Ended);
            var calleeGone = TokenTasks.WhenCancelled(leg.Session.Ended);
            var silent = watchdog?.TimedOut ?? new TaskCompletionSource().Task;
            var first = await Task.WhenAny(callerGone, calleeGone, TokenTasks.WhenCancelled(cancellationToken), transfer.Task, callerTransfer.Task, silent);
            watchdog?.Dispose();
            Volatile.Write(ref _transfer, null);
            leg.Session.OnRefer = null;
            Caller.OnRefer = null;
            Caller.OnReInvite = null;
            leg.Session.OnReInvite = null;
            if (first == transfer.Task && !Caller.Ended.IsCancellationRequested)
            {
                // Blind transfer: the bridge ends, the caller stays answered on its anchored media, the transferring
                // leg stays up until the target answers (or is bridged again when the target fails).
                State = CallState.Answered;
                var request = await transfer.Task;
                return new BridgeResult(true, CallParty.Callee, connectedAt, _time.GetUtcNow()) { Transfer = request, TransferringLeg = leg };
            }

            if (first == callerTransfer.Task && !leg.Session.Ended.IsCancellationRequested && !Caller.Ended.IsCancellationRequested)
            {
                // The caller transfers the destination: the caller stays up until the target answers.
                State = CallState.Answered;
                var request = await callerTransfer.Task;
                return new BridgeResult(true, CallParty.Caller, connectedAt, _time.GetUtcNow()) { Transfer = request, RemainingLeg = leg };
            }

            if (callerTransfer.Task.IsCompleted && (await callerTransfer.Task).Progress is { } callerProgress)
            {
                _ = callerProgress.ReportAsync(487, "Request Terminated");
            }

            if (transfer.Task.IsCompleted)
            {
                // A REFER accepted while the call was ending: the transfer cannot happen.
                if ((await transfer.Task).Progress is { } progress)
                {
                    _ = progress.ReportAsync(487, "Request Terminated");
                }
            }

            CallParty endedBy;
            if (first == callerGone)
            {
                endedBy = CallParty.Caller;
                await leg.Session.HangUpAsync(CancellationToken.None);
            }
            else if (first == calleeGone)
            {
                endedBy = CallParty.Callee;
                await Caller.HangUpAsync(CancellationToken.None);
            }
            else
            {
                endedBy = CallParty.System;
                var reason = first == silent ? MediaTimeoutReason : null;
                if (reason is not null)
                {
                    LogMediaTimeout(_logger, Caller.CallId, leg.Session.CallId, _options.MediaTimeout.TotalSeconds);
                }

                await leg.Session.HangUpAsync(reason, CancellationToken.None);
                await Caller.HangUpAsync(reason, CancellationToken.None);
            }

            State = CallState.Ended;
            leg.Dispose();
            ReleaseCallerMedia();
            return new BridgeResult(true, endedBy, connectedAt, _time.GetUtcNow()) { MediaTimedOut = first == silent };
        }
    }

    /// <summary>
    /// A re-INVITE from one side (hold: sendonly/inactive; unhold: sendrecv) is offered to the other side with our
    /// anchored address and the same direction; its answer's direction is answered back. Media stays anchored.
    /// </summary>
    private async Task<SipAnswer> RelayReInviteAsync(
        ReadOnlyMemory<byte> offerBytes,
        ISipSession far,
        IMediaEndpoint farMedia,
        IMediaEndpoint nearMedia,
        G711Law codec,
        Action<NegotiatedMedia> setNear,
        MediaWatchdog? watchdog,
        CancellationToken cancellationToken)
    {
        var parsed = SdpParser.Parse(offerBytes.Span);
        if (parsed.Description is not { } nearOffer)
        {
            return new SipAnswer(488, "Not Acceptable Here", ReadOnlyMemory<byte>.Empty);
        }

        var version = Interlocked.Increment(ref _sdpVersion);
        var farOffer = OfferAnswer.CreateOffer(CallSdp.Local(_media.Address, farMedia.Port, [codec], _options, version, CallSdp.DirectionOf(nearOffer)));
        var farAnswer = await far.ReInviteAsync(SdpWriter.Write(farOffer), cancellationToken);
        if (!farAnswer.IsSuccess)
        {
            return new SipAnswer(farAnswer.Status, farAnswer.Reason, ReadOnlyMemory<byte>.Empty);
        }

        var direction = MediaDirection.SendRecv;
        var processed = OfferAnswer.ProcessAnswer(farOffer, farAnswer.Sdp.Span);
        if (processed is { IsAccepted: true, Media: { } farMediaNegotiated })
        {
            farMedia.Connect(farMediaNegotiated);
            watchdog?.Negotiated(farMedia, farMediaNegotiated.Direction);
            var parsedAnswer = SdpParser.Parse(farAnswer.Sdp.Span).Description;
            direction = parsedAnswer is null ? MediaDirection.SendRecv : CallSdp.DirectionOf(parsedAnswer);
        }

        var ours = OfferAnswer.CreateAnswer(nearOffer, CallSdp.Local(_media.Address, nearMedia.Port, [codec], _options, version, direction));
        if (!ours.IsAccepted)
        {
            return new SipAnswer(488, "Not Acceptable Here", ReadOnlyMemory<byte>.Empty);
        }

        nearMedia.Connect(ours.Media!);
        setNear(ours.Media!);
        watchdog?.Negotiated(nearMedia, ours.Media!.Direction);
        return new SipAnswer(200, "OK", SdpWriter.Write(ours.LocalDescription!));
    }

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Call {CallId}: no RTP from either leg (callee leg {LegCallId}) for {Seconds} s, media timeout: BYE to both legs")]
    private static partial void LogMediaTimeout(ILogger logger, string callId, string legCallId, double seconds);
}
