using Microsoft.Extensions.Logging;
using Vms.Server.Features.Calls.Counters;
using Vms.Server.Features.Calls.Live;
using Vms.Server.Features.Calls.Records;
using Vms.Telephony;

namespace Vms.Server.Features.Calls;

/// <summary>
/// Bridging an answered leg, and blind transfers (REFER) from it: the target is dialled through the same path as a
/// forward (rate limits, call record leg, ladder), the transferring leg is marked "transferred" in the record and hung
/// up once the target answers. When the target fails, the caller goes back to the transferor if it is still on the
/// line; otherwise the call ends (BYE to the caller).
/// </summary>
internal sealed partial class CallRun
{
    /// <summary>True when the caller was connected at least once.</summary>
    private async Task<bool> BridgeWithTransfersAsync(InboundCall call, OutboundLeg leg, int legIndex, CancellationToken cancellationToken)
    {
        var connected = false;
        while (true)
        {
            _info.State = "connected";
            var bridged = await call.BridgeAsync(leg, cancellationToken);
            var data = _legs[legIndex];
            _legs[legIndex] = data with { AnsweredAt = data.AnsweredAt ?? bridged.ConnectedAt, EndedAt = bridged.EndedAt };
            connected |= bridged.Connected;
            _outcome = connected ? CallOutcome.Answered : CallOutcome.Cancelled;
            _endedBy = bridged.EndedBy;
            _mediaTimedOut = bridged.MediaTimedOut;
            if (bridged.Transfer is null)
            {
                return connected;
            }

            if (bridged.RemainingLeg is not null)
            {
                // The caller transferred the destination: on success the destination and the target talk on.
                var legsEnded = await CallerTransferAsync(call, bridged, legIndex, cancellationToken);
                if (legsEnded is { } ended)
                {
                    _legs[legIndex] = _legs[legIndex] with { EndedAt = ended.EndedAt };
                    _endedBy = ended.EndedBy;
                    _mediaTimedOut = ended.MediaTimedOut;
                    return connected;
                }
            }
            else if (await TransferAsync(call, bridged, legIndex, cancellationToken) is { } answered)
            {
                _legs[legIndex] = _legs[legIndex] with { Outcome = "transferred", EndedAt = _o.Time.GetUtcNow() };
                (leg, legIndex) = answered;
                continue;
            }

            if (call.CanResumeAfterFailedTransfer(bridged))
            {
                continue; // back to the transferor
            }

            await InboundCall.EndTransferringLegAsync(bridged);
            _legs[legIndex] = _legs[legIndex] with { EndedAt = _o.Time.GetUtcNow() };
            if (call.Caller.Ended.IsCancellationRequested)
            {
                _endedBy = CallParty.Caller;
            }
            else
            {
                _endedBy = CallParty.System;
                await call.HangUpAsync(480, CancellationToken.None);
            }

            return connected;
        }
    }

    /// <summary>Dials the transfer's target; the new leg (and its record index) when it answered, else null.</summary>
    private async Task<(OutboundLeg Leg, int Index)?> TransferAsync(InboundCall call, BridgeResult bridged, int fromIndex, CancellationToken cancellationToken)
    {
        if (await TransferTargetAsync(call, bridged) is not { } target)
        {
            return null;
        }

        _info.State = "transferring";
        _info.Destination = target;
        var targetLease = ReserveTransferTarget(target);
        var dial = await call.CompleteTransferAsync(bridged, target, TransferRing, cancellationToken);
        RecordTransferLeg(target, dial);
        if (dial.Outcome != DialOutcome.Answered)
        {
            targetLease?.Dispose();
            return null;
        }

        // The transferor has left: the caller now talks to the target, which takes the transferor's place in the count.
        _bridgedLease?.Dispose();
        _bridgedLease = targetLease;
        return (dial.Leg!, _legs.Count - 1);
    }

    /// <summary>The caller's transfer: the target's leg is recorded; how the destination–target bridge ended, or null when the target failed.</summary>
    private async Task<BridgeResult?> CallerTransferAsync(InboundCall call, BridgeResult bridged, int fromIndex, CancellationToken cancellationToken)
    {
        if (await TransferTargetAsync(call, bridged) is not { } target)
        {
            return null;
        }

        _info.State = "transferring";
        _info.Destination = target;
        using var targetLease = ReserveTransferTarget(target); // the destination stays counted too: both talk on
        var result = await call.TransferCallerAsync(bridged, target, TransferRing, cancellationToken);
        RecordTransferLeg(target, result.Dial);
        if (result.Bridge is not { } ended)
        {
            return null;
        }

        _legs[^1] = _legs[^1] with { AnsweredAt = ended.ConnectedAt, EndedAt = ended.EndedAt };
        _legs[fromIndex] = _legs[fromIndex] with { Outcome = "answered" };
        return ended;
    }

    /// <summary>Counts a transfer's target in the live state while it rings and talks (no capacity limit: the tree did not choose it).</summary>
    private DestinationLease? ReserveTransferTarget(string target) =>
        _o.Live.TryReserve(LiveCallState.Key(_customer ?? Guid.Empty, target), null, null, null).Lease;

    private TimeSpan TransferRing => TimeSpan.FromSeconds(Math.Max(1, _o.Options.TransferRingTimeoutSeconds));

    /// <summary>The number or URI to dial for the REFER, or null (the transferor told why) when not allowed or over the rate limit.</summary>
    private async Task<string?> TransferTargetAsync(InboundCall call, BridgeResult bridged)
    {
        var referTo = bridged.TransferTarget!;
        var target = TransferTargets.Resolve(referTo, _o.Options.TransferToSipUris);
        if (target is null)
        {
            LogTransferRefused(_o.Logger, _session.CallId, referTo, "not a number");
            await call.RefuseTransferAsync(bridged, 403, "Forbidden (transfer target not allowed)");
            return null;
        }

        var limit = _o.Limiter.TryAcquire(target, _session.Source.Address.ToString());
        if (!limit.Allowed)
        {
            LogTransferRefused(_o.Logger, _session.CallId, referTo, "call-rate limit");
            _o.Counters.CallRefused("rate-limited");
            await call.RefuseTransferAsync(bridged, 503, "Service Unavailable (call rate limit)");
            return null;
        }

        return target;
    }

    private void RecordTransferLeg(string target, DialResult dial)
    {
        _lastDialStatus = dial.SipStatus;
        if (dial.LegCallId is { Length: > 0 } legCallId)
        {
            _o.Ladder?.Link(legCallId, _session.CallId);
        }

        var index = _legs.Count;
        _legs.Add(new CallLegData
        {
            Index = index,
            Destination = target,
            SetupAt = dial.StartedAt,
            EndedAt = dial.EndedAt,
            Outcome = LegOutcome(dial.Outcome),
            SipStatus = dial.SipStatus,
            Rerouted = _plan is not null,
            OffNet = !_o.Snapshot.IsOnNet(target),
        });
    }

    [LoggerMessage(EventId = 6023, Level = LogLevel.Warning, Message = "Call {CallId}: transfer to {ReferTo} refused ({Reason})")]
    private static partial void LogTransferRefused(ILogger logger, string callId, string referTo, string reason);
}
