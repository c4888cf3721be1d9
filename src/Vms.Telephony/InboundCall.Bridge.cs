using Vms.Media.Codecs;
using Vms.Media.Sdp;
using Vms.Telephony.Media;
using Vms.Telephony.Signalling;

namespace Vms.Telephony;

/// <summary>Bridging the caller with an answered leg through the relay until either side hangs up; re-INVITEs (hold) passed through.</summary>
public sealed partial class InboundCall
{
    private ulong _sdpVersion = 1;
    private TaskCompletionSource<string>? _transfer;

    /// <summary>
    /// Blind transfer of a bridged call: the destination's leg is hung up and <see cref="BridgeAsync"/> returns with
    /// <see cref="BridgeResult.TransferTarget"/> set; the caller stays answered, ready to be dialled on and bridged
    /// again (media stays anchored, the relay rewrites the new leg's stream). False when no bridge is up.
    /// </summary>
    public bool TransferTo(string target) => Volatile.Read(ref _transfer)?.TrySetResult(target) == true;

    /// <summary>When set before <see cref="BridgeAsync"/>, both directions of the connected call are recorded there (REC).</summary>
    public string? RecordingPath { get; set; }

    /// <summary>True when the bridged call was recorded to <see cref="RecordingPath"/>.</summary>
    public bool Recorded { get; private set; }

    /// <summary>
    /// Answers the caller when not yet answered (with the codec the callee chose), relays media both ways and waits
    /// until the caller or the callee hangs up (BYE), then ends the other side.
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
        using (var bridge = callerMedia.Bridge(leg.Media))
        {
            State = CallState.Bridged;
            if (RecordingPath is { } path)
            {
                Recorded = bridge is IRecordableBridge recordable && recordable.StartRecording(path);
            }

            Caller.OnReInvite = (offer, ct) => RelayReInviteAsync(offer, leg.Session, leg.Media, callerMedia, leg.Negotiated.Codec, m => _callerNegotiated = m, ct);
            leg.Session.OnReInvite = (offer, ct) => RelayReInviteAsync(offer, Caller, callerMedia, leg.Media, leg.Negotiated.Codec, m => leg.Negotiated = m, ct);

            var callerGone = TokenTasks.WhenCancelled(Caller.Ended);
            var calleeGone = TokenTasks.WhenCancelled(leg.Session.Ended);
            var transfer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _transfer, transfer);
            var first = await Task.WhenAny(callerGone, calleeGone, TokenTasks.WhenCancelled(cancellationToken), transfer.Task);
            Volatile.Write(ref _transfer, null);
            Caller.OnReInvite = null;
            leg.Session.OnReInvite = null;
            if (first == transfer.Task && !Caller.Ended.IsCancellationRequested)
            {
                // Blind transfer: the destination's leg ends, the caller stays answered on its anchored media.
                await leg.Session.HangUpAsync(CancellationToken.None);
                leg.Dispose();
                State = CallState.Answered;
                var target = await transfer.Task;
                return new BridgeResult(true, CallParty.Callee, connectedAt, _time.GetUtcNow()) { TransferTarget = target };
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
                await leg.Session.HangUpAsync(CancellationToken.None);
                await Caller.HangUpAsync(CancellationToken.None);
            }

            State = CallState.Ended;
            leg.Dispose();
            ReleaseCallerMedia();
            return new BridgeResult(true, endedBy, connectedAt, _time.GetUtcNow());
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
        return new SipAnswer(200, "OK", SdpWriter.Write(ours.LocalDescription!));
    }
}
