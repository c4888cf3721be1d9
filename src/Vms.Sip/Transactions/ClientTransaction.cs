using System.Net;
using Vms.Sip.Messages;
using Vms.Sip.Transport;

namespace Vms.Sip.Transactions;

/// <summary>
/// INVITE and non-INVITE client transactions (RFC 3261 §17.1, RFC 6026 Accepted state). Responses, including
/// synthesized 408 (Timer B/F) and 503 (transport error), are passed to the callback outside the lock.
/// </summary>
internal sealed class ClientTransaction : IDisposable
{
    private readonly Lock _lock = new();
    private readonly ITransactionHost _host;
    private Action<ClientTransaction, SipResponse>? _onResponse;
    private readonly TransactionTimer _retransmitTimer;
    private readonly TransactionTimer _timeoutTimer;
    private readonly TransactionTimer _lingerTimer;
    private byte[]? _bytes; // the request to retransmit; released once a final response ends retransmission
    private TimeSpan _interval;
    private byte[]? _ack;
    private bool _terminateNow;

    public ClientTransaction(ITransactionHost host, SipRequest request, ISipTransport transport, IPEndPoint remote,
        Action<ClientTransaction, SipResponse> onResponse)
    {
        _host = host;
        Request = request;
        Transport = transport;
        Remote = remote;
        _onResponse = onResponse;
        IsInvite = request.Method == SipMethods.Invite;
        Branch = request.Via?.Branch ?? throw new ArgumentException("The request needs a Via with a branch.", nameof(request));
        Key = MakeKey(Branch, request.Method);
        State = IsInvite ? TransactionState.Calling : TransactionState.Trying;
        _bytes = request.ToBytes();
        _retransmitTimer = new TransactionTimer(host.Time, OnRetransmitTimer);
        _timeoutTimer = new TransactionTimer(host.Time, OnTimeoutTimer);
        _lingerTimer = new TransactionTimer(host.Time, Terminate);
    }

    public string Key { get; }

    public string Branch { get; }

    public SipRequest Request { get; }

    public ISipTransport Transport { get; }

    public IPEndPoint Remote { get; }

    public bool IsInvite { get; }

    public TransactionState State { get; private set; }

    /// <summary>True once a provisional response was received (a CANCEL may then be sent).</summary>
    public bool HasProvisional { get; private set; }

    public static string MakeKey(string branch, string method) => branch + "|" + (method == SipMethods.Ack ? SipMethods.Invite : method);

    public void Start()
    {
        lock (_lock)
        {
            if (!Transport.IsReliable)
            {
                _interval = _host.Options.T1;
                _retransmitTimer.Start(_interval);
            }

            _timeoutTimer.Start(IsInvite ? _host.Options.TimerB : _host.Options.TimerF);
            if (_bytes is { } bytes)
            {
                Send(bytes);
            }
        }
    }

    public void OnResponse(SipResponse response)
    {
        Action<ClientTransaction, SipResponse>? deliver = null;
        lock (_lock)
        {
            var code = response.StatusCode;
            switch (State)
            {
                case TransactionState.Calling or TransactionState.Trying or TransactionState.Proceeding:
                    deliver = _onResponse;
                    if (code < 200)
                    {
                        HasProvisional = true;
                        if (State != TransactionState.Proceeding)
                        {
                            State = TransactionState.Proceeding;
                            if (IsInvite)
                            {
                                _retransmitTimer.Stop();
                                _timeoutTimer.Stop();
                            }
                        }
                    }
                    else if (IsInvite && code < 300)
                    {
                        State = TransactionState.Accepted;
                        StopTimers();
                        _lingerTimer.Start(_host.Options.TimerB);
                    }
                    else if (IsInvite)
                    {
                        State = TransactionState.Completed;
                        StopTimers();
                        _ack = BuildAck(response).ToBytes();
                        Send(_ack);
                        Linger(_host.Options.TimerD);
                        _onResponse = null; // Completed delivers nothing more: the transaction lingers to re-ACK alone
                    }
                    else
                    {
                        State = TransactionState.Completed;
                        StopTimers();
                        Linger(_host.Options.T4);
                        _onResponse = null;
                    }

                    break;
                case TransactionState.Accepted:
                    deliver = code is >= 200 and < 300 ? _onResponse : null;
                    break;
                case TransactionState.Completed:
                    if (_ack is not null && code >= 300)
                    {
                        Send(_ack);
                    }

                    break;
                default:
                    break;
            }
        }

        deliver?.Invoke(this, response);

        if (_terminateNow)
        {
            Terminate();
        }
    }

    /// <summary>Stops the transaction without a response (endpoint shutdown).</summary>
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
            StopTimers();
            _lingerTimer.Stop();
            _onResponse = null;
        }

        _retransmitTimer.Dispose();
        _timeoutTimer.Dispose();
        _lingerTimer.Dispose();
        _host.Remove(this);
    }

    /// <summary>Builds the ACK for a non-2xx final response (RFC 3261 §17.1.1.3).</summary>
    public SipRequest BuildAck(SipResponse response)
    {
        var ack = new SipRequest(SipMethods.Ack, Request.RequestUri!);
        Request.Headers.TryGetFirst(HeaderKind.Via, out var via);
        ack.Headers.Add(new SipHeaderField(HeaderKind.Via, HeaderNames.CanonicalBytes(HeaderKind.Via), via));
        foreach (var field in Request.Headers)
        {
            if (field.Kind is HeaderKind.From or HeaderKind.CallId or HeaderKind.Route or HeaderKind.MaxForwards)
            {
                ack.Headers.Add(field);
            }
        }

        var to = response.Headers.IndexOf(HeaderKind.To);
        if (to >= 0)
        {
            ack.Headers.Add(response.Headers[to]);
        }

        ack.Headers.Add(HeaderKind.CSeq, Headers.SipCSeq.Format(Request.CSeq?.Number ?? 1, SipMethods.Ack));
        return ack;
    }

    private void Linger(TimeSpan unreliableDuration)
    {
        if (Transport.IsReliable)
        {
            _terminateNow = true;
        }
        else
        {
            _lingerTimer.Start(unreliableDuration);
        }
    }

    private void OnRetransmitTimer()
    {
        lock (_lock)
        {
            if (State is not (TransactionState.Calling or TransactionState.Trying or TransactionState.Proceeding))
            {
                return;
            }

            if (_bytes is null)
            {
                return;
            }

            Send(_bytes);
            _interval = IsInvite ? _interval * 2 : State == TransactionState.Proceeding ? _host.Options.T2 : Min(_interval * 2, _host.Options.T2);
            _retransmitTimer.Start(_interval);
        }
    }

    private void OnTimeoutTimer() => Fail(408);

    private void Fail(int code)
    {
        Action<ClientTransaction, SipResponse>? onResponse;
        lock (_lock)
        {
            if (State is not (TransactionState.Calling or TransactionState.Trying or TransactionState.Proceeding))
            {
                return;
            }

            State = TransactionState.Terminated;
            onResponse = _onResponse;
        }

        onResponse?.Invoke(this, SipResponse.CreateFor(Request, code, code == 503 ? "Service Unavailable (transport error)" : null));
        State = TransactionState.Completed;
        Terminate();
    }

    private void Send(byte[] bytes) => _host.Send(bytes, Transport, Remote, () => Fail(503));

    private void StopTimers()
    {
        _retransmitTimer.Stop();
        _timeoutTimer.Stop();
        if (State is not (TransactionState.Calling or TransactionState.Trying or TransactionState.Proceeding))
        {
            _bytes = null;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
