using Microsoft.Extensions.Logging;

namespace Vms.Telephony;

/// <summary>
/// Completing a blind transfer (RFC 3515 REFER from the destination, or <see cref="TransferTo"/>): the target is dialled
/// like any destination, the transferor is told how it went (NOTIFY 100, then 200 or the failure), and on success the
/// transferring leg gets BYE and the caller is bridged to the new leg. When the target fails and the transferor is
/// still on the line, the orchestration bridges the caller back to it; when the transferor is gone, the call ends.
/// </summary>
public sealed partial class InboundCall
{
    /// <summary>
    /// Dials <paramref name="target"/> for the transfer that ended <paramref name="bridged"/>. Answered: the transferor
    /// is told 200 and hung up, the result's leg is to be bridged. Otherwise the transferor is told the failure and its
    /// leg is left as it is (see <see cref="CanResumeAfterFailedTransfer"/>); when the caller hung up meanwhile, the
    /// transferring leg is hung up too.
    /// </summary>
    public async Task<DialResult> CompleteTransferAsync(BridgeResult bridged, string target, TimeSpan ringTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bridged);
        ArgumentNullException.ThrowIfNull(target);
        var transfer = bridged.Transfer ?? throw new ArgumentException("The bridge did not end by a transfer.", nameof(bridged));
        var dial = await DialAsync(target, ringTimeout, null, cancellationToken);
        LogTransfer(_logger, Caller.CallId, transfer.Target, target, dial.Outcome, dial.SipStatus);
        if (dial.Outcome == DialOutcome.Answered)
        {
            // The transferor hears "200 OK" before its BYE (a NOTIFY after the BYE would find no dialog).
            await ReportAsync(transfer, 200, "OK");
            await EndTransferringLegAsync(bridged);
            return dial;
        }

        await ReportAsync(transfer, dial.SipStatus >= 300 ? dial.SipStatus : 487, dial.SipStatus >= 300 ? dial.Reason : "Request Terminated");
        if (dial.Outcome == DialOutcome.Cancelled || Caller.Ended.IsCancellationRequested)
        {
            await EndTransferringLegAsync(bridged);
        }

        return dial;
    }

    /// <summary>A transfer refused before any dialling (target not allowed, rate limit): the transferor is told why.</summary>
    public Task RefuseTransferAsync(BridgeResult bridged, int status, string reason) =>
        bridged?.Transfer is { } transfer ? ReportAsync(transfer, status, reason) : Task.CompletedTask;

    /// <summary>Reports to the transferor, waiting for its NOTIFY to be answered at most <see cref="TelephonyOptions.NotifyWait"/>.</summary>
    private async Task ReportAsync(Signalling.TransferRequest transfer, int status, string reason)
    {
        if (transfer.Progress is not { } progress)
        {
            return;
        }

        var sent = progress.ReportAsync(status, reason);
        var wait = TokenTasks.After(_time, _options.NotifyWait, out var timer);
        await Task.WhenAny(sent, wait);
        await timer.DisposeAsync();
    }

    /// <summary>True when, after a failed transfer, the caller and the transferring leg are both still up (bridge them again).</summary>
    public bool CanResumeAfterFailedTransfer(BridgeResult bridged) =>
        (bridged?.TransferringLeg ?? bridged?.RemainingLeg) is { } leg && !leg.Session.Ended.IsCancellationRequested
        && !Caller.Ended.IsCancellationRequested && State == CallState.Answered;

    /// <summary>BYE to the transferring (or remaining) leg, if it did not hang up itself, and its media released.</summary>
    public static async Task EndTransferringLegAsync(BridgeResult bridged)
    {
        if ((bridged?.TransferringLeg ?? bridged?.RemainingLeg) is not { } leg)
        {
            return;
        }

        if (!leg.Session.Ended.IsCancellationRequested)
        {
            await leg.Session.HangUpAsync(CancellationToken.None);
        }

        leg.Dispose();
    }

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Call {CallId}: transfer to {ReferTo} (dialled {Target}) → {Outcome} ({Status})")]
    private static partial void LogTransfer(ILogger logger, string callId, string referTo, string target, DialOutcome outcome, int status);
}
