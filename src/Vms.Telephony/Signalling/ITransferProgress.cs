namespace Vms.Telephony.Signalling;

/// <summary>
/// How a transfer asked by REFER is going, reported back to the transferor (RFC 3515 NOTIFY with a message/sipfrag
/// body): 100 Trying first, then the final status of the new leg (200 OK or the failure), which ends the report.
/// </summary>
public interface ITransferProgress
{
    /// <summary>
    /// Reports a status line; a final one (≥ 200) terminates the subscription, later reports are ignored. The task
    /// completes when the transferor has the report (its NOTIFY answered or given up); it never faults.
    /// </summary>
    Task ReportAsync(int status, string reason);
}
