namespace Vms.Sip;

/// <summary>Counters of an endpoint (read with <see cref="Interlocked"/> semantics; values are approximate under load).</summary>
public sealed class SipEndpointStatistics
{
    private long _malformedDropped;
    private long _malformedAnswered;
    private long _unmatchedResponses;
    private long _handlerErrors;
    private long _requestsReceived;
    private long _responsesReceived;
    private long _sendErrors;

    /// <summary>Sends the transport reported as failed (synchronously).</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    /// <summary>Malformed messages that could not be answered and were dropped.</summary>
    public long MalformedDropped => Interlocked.Read(ref _malformedDropped);

    /// <summary>Malformed requests answered with 400/505.</summary>
    public long MalformedAnswered => Interlocked.Read(ref _malformedAnswered);

    /// <summary>Responses that matched no transaction.</summary>
    public long UnmatchedResponses => Interlocked.Read(ref _unmatchedResponses);

    /// <summary>Exceptions thrown by request handlers (answered 500) or absorbed by the receive path.</summary>
    public long HandlerErrors => Interlocked.Read(ref _handlerErrors);

    /// <summary>Well-formed requests received (retransmissions included).</summary>
    public long RequestsReceived => Interlocked.Read(ref _requestsReceived);

    /// <summary>Well-formed responses received.</summary>
    public long ResponsesReceived => Interlocked.Read(ref _responsesReceived);

    internal void CountMalformedDropped() => Interlocked.Increment(ref _malformedDropped);

    internal void CountMalformedAnswered() => Interlocked.Increment(ref _malformedAnswered);

    internal void CountUnmatchedResponse() => Interlocked.Increment(ref _unmatchedResponses);

    internal void CountHandlerError() => Interlocked.Increment(ref _handlerErrors);

    internal void CountRequest() => Interlocked.Increment(ref _requestsReceived);

    internal void CountSendError() => Interlocked.Increment(ref _sendErrors);

    internal void CountResponse() => Interlocked.Increment(ref _responsesReceived);
}
