namespace Vms.Sip.Transactions;

/// <summary>Transaction states of RFC 3261 §17 (with Accepted from RFC 6026).</summary>
internal enum TransactionState
{
    Calling,
    Trying,
    Proceeding,
    Completed,
    Accepted,
    Confirmed,
    Terminated,
}
