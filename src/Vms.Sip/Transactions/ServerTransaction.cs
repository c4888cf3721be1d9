using System.Net;
using Vms.Sip.Messages;
using Vms.Sip.Transport;

namespace Vms.Sip.Transactions;

/// <summary>
/// INVITE and non-INVITE server transactions (RFC 3261 §17.2, RFC 6026): absorbs request retransmissions by
/// resending the last response, retransmits final responses (Timer G) and 2xx (until the ACK), waits for the ACK (Timer H).
/// </summary>
internal sealed class ServerTransaction : IDisposable
{
    private readonly Lock _lock = new();
    private readonly ITransactionHost _host;
    private readonly TransactionTimer _retransmitTimer;
    private readonly TransactionTimer _timeoutTimer;
    private SipRequest? _request;
    private byte[]? _lastResponse;
    private TimeSpan _interval;
    private bool _terminateNow;

    /// <param name="mergeKey">The request's <see cref="RequestKeys.Merge"/> key when the caller already built it; null for none.</param>
    public ServerTransaction(ITransactionHost host, string key, SipRequest request, ISipTransport transport, IPEndPoint responseTarget, string? mergeKey = null)
    {
        _host = host;
        Key = key;
        _request = request;
        Transport = transport;
        ResponseTarget = responseTarget;
        IsInvite = request.Method == SipMethods.Invite;
        MergeKey = mergeKey;
        AcceptedKey = IsInvite ? RequestKeys.Accepted(request) : null;
        State = IsInvite ? TransactionState.Proceeding : TransactionState.Trying;
        _retransmitTimer = new TransactionTimer(host.Time, OnRetransmitTimer);
        _timeoutTimer = new TransactionTimer(host.Time, OnTimeoutTimer);
    }

    public string Key { get; }

    /// <summary>
    /// The request until the final response is sent; null afterwards. A transaction lingers 64·T1 after that to
    /// absorb retransmissions with the response's bytes alone, and the parsed request is most of what an ended
    /// call would otherwise keep alive for those 32 s.
    /// </summary>
    public SipRequest? PendingRequest => Volatile.Read(ref _request);

    /// <summary>The key a merged copy of the request would be found by (<see cref="RequestKeys.Merge"/>).</summary>
    public string? MergeKey { get; }

    /// <summary>The key the ACK of a 2xx finds this INVITE transaction by (<see cref="RequestKeys.Accepted"/>).</summary>
    public string? AcceptedKey { get; }

    public ISipTransport Transport { get; }

    public IPEndPoint ResponseTarget { get; }

    public bool IsInvite { get; }

    public TransactionState State { get; private set; }

    /// <summary>Called when a 2xx to an INVITE was never acknowledged (64·T1), or a non-2xx final was never acknowledged.</summary>
    public Action<ServerTransaction>? AckTimeout { get; set; }

    /// <summary>Called once when the ACK for a 2xx arrives.</summary>
    public Action<ServerTransaction, SipRequest>? AckReceived { get; set; }

    /// <summary>Sends a response through the transaction; false when the transaction is already completed.</summary>
    public bool SendResponse(SipResponse response)
    {
        var sent = SendResponseLocked(response);
        TerminateIfDue();
        return sent;
    }

    private bool SendResponseLocked(SipResponse response)
    {
        lock (_lock)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return false;
            }

            _lastResponse = response.ToBytes();
            var code = response.StatusCode;
            if (code >= 200)
            {
                Volatile.Write(ref _request, null);
            }

            if (code < 200)
            {
                State = TransactionState.Proceeding;
            }
            else if (IsInvite)
            {
                State = code < 300 ? TransactionState.Accepted : TransactionState.Completed;
                if (!Transport.IsReliable)
                {
                    _interval = _host.Options.T1;
                    _retransmitTimer.Start(_interval);
                }

                _timeoutTimer.Start(_host.Options.TimerH);
            }
            else
            {
                State = TransactionState.Completed;
                if (Transport.IsReliable)
                {
                    ScheduleTerminate();
                }
                else
                {
                    _timeoutTimer.Start(_host.Options.TimerJ);
                }
            }

            // Sent after the state change, so that an answer the peer sends at once (an ACK delivered on this very
            // thread by a synchronous transport) finds the transaction ready for it.
            Send(_lastResponse);
            return true;
        }
    }

    /// <summary>A retransmission of the request arrived.</summary>
    public void OnRequestRetransmission()
    {
        lock (_lock)
        {
            if (_lastResponse is not null && State is TransactionState.Proceeding or TransactionState.Completed)
            {
                Send(_lastResponse);
            }
        }
    }

    /// <summary>An ACK matched this transaction (non-2xx: same branch; 2xx: same dialog and CSeq).</summary>
    public void OnAck(SipRequest ack)
    {
        var notify = false;
        lock (_lock)
        {
            if (State == TransactionState.Completed && IsInvite)
            {
                State = TransactionState.Confirmed;
                _retransmitTimer.Stop();
                _timeoutTimer.Stop();
                if (Transport.IsReliable)
                {
                    ScheduleTerminate();
                }
                else
                {
                    _timeoutTimer.Start(_host.Options.T4);
                }
            }
            else if (State == TransactionState.Accepted)
            {
                // RFC 6026 §7.1: the transaction ends when Timer L (64·T1, started with the 2xx) fires; the ACK
                // stops the 2xx retransmissions but does not start that wait again.
                notify = true;
                State = TransactionState.Confirmed;
                _retransmitTimer.Stop();
                if (Transport.IsReliable)
                {
                    _timeoutTimer.Stop();
                    ScheduleTerminate();
                }
            }
        }

        if (notify)
        {
            AckReceived?.Invoke(this, ack);
            ReleaseCallbacks();
        }

        TerminateIfDue();
    }

    /// <summary>Same as <see cref="Terminate"/>.</summary>
    public void Dispose() => Terminate();

    public void Terminate()
    {
        lock (_lock)
        {
            if (State == TransactionState.Terminated)
            {
                return;
            }

            State = TransactionState.Terminated;
            _retransmitTimer.Stop();
            _timeoutTimer.Stop();
        }

        _retransmitTimer.Dispose();
        _timeoutTimer.Dispose();
        ReleaseCallbacks();
        _host.Remove(this);
    }

    /// <summary>
    /// The callbacks refer to the dialog and through it to the call; once the ACK came (or the transaction ended)
    /// they are never called again, and the transaction lingers for retransmissions alone.
    /// </summary>
    private void ReleaseCallbacks()
    {
        AckReceived = null;
        AckTimeout = null;
    }

    private void ScheduleTerminate() => _terminateNow = true;

    private void TerminateIfDue()
    {
        if (_terminateNow)
        {
            Terminate();
        }
    }

    private void OnRetransmitTimer()
    {
        lock (_lock)
        {
            if (State is not (TransactionState.Completed or TransactionState.Accepted) || _lastResponse is null)
            {
                return;
            }

            Send(_lastResponse);
            _interval = _interval * 2 < _host.Options.T2 ? _interval * 2 : _host.Options.T2;
            _retransmitTimer.Start(_interval);
        }
    }

    private void OnTimeoutTimer()
    {
        var ackMissing = false;
        lock (_lock)
        {
            ackMissing = State is TransactionState.Completed or TransactionState.Accepted && IsInvite;
        }

        if (ackMissing)
        {
            AckTimeout?.Invoke(this);
        }

        Terminate();
    }

    private void Send(byte[] bytes) => _host.Send(bytes, Transport, ResponseTarget, null);
}
