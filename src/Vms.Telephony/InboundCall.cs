using Microsoft.Extensions.Logging;
using Vms.Media.Codecs;
using Vms.Media.Sdp;
using Vms.Telephony.Media;
using Vms.Telephony.Signalling;

namespace Vms.Telephony;

/// <summary>
/// One inbound call through the B2BUA: the caller's session and its anchored media endpoint, plus the operations
/// the orchestration executes — answer, play, collect digits, dial, bridge, reject, hang up. Media always passes
/// through VMS (the relay), so recording and DTMF work on every call. Knows nothing of customers.
/// </summary>
public sealed partial class InboundCall : IAsyncDisposable
{
    private readonly IMediaEngine _media;
    private readonly IOutboundDialer _dialer;
    private readonly TimeProvider _time;
    private readonly TelephonyOptions _options;
    private readonly ILogger _logger;
    private readonly SessionDescription? _callerOffer;
    private IMediaEndpoint? _callerMedia;
    private NegotiatedMedia? _callerNegotiated;
    private SessionDescription? _callerLocal;
    private bool _ringingSent;
    private bool _finalSent;

    internal InboundCall(IInboundSession caller, SessionDescription? callerOffer, IMediaEngine media, IOutboundDialer dialer, TimeProvider time, TelephonyOptions options, ILogger logger)
    {
        Caller = caller;
        _callerOffer = callerOffer;
        _media = media;
        _dialer = dialer;
        _time = time;
        _options = options;
        _logger = logger;
        SetupAt = time.GetUtcNow();
    }

    public IInboundSession Caller { get; }

    public CallState State { get; private set; }

    public DateTimeOffset SetupAt { get; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The final status sent to the caller (200 once answered).</summary>
    public int? FinalStatus { get; private set; }

    /// <summary>True when the INVITE carried no SDP (we offer in the 200, the ACK answers).</summary>
    public bool IsLateOffer => _callerOffer is null;

    /// <summary>The codecs of the caller's offer that we can relay (all of ours for a late offer).</summary>
    internal IReadOnlyList<G711Law> CallerCodecs => _callerNegotiated is { } n
        ? [n.Codec]
        : _callerOffer is null ? _options.Codecs : CallSdp.OfferedCodecs(_callerOffer, _options.Codecs);

    /// <summary>Sends 180 Ringing once (no SDP).</summary>
    public void Ring()
    {
        if (!_ringingSent && !_finalSent && State == CallState.Setup)
        {
            _ringingSent = true;
            Caller.SendProvisional(180, ReadOnlyMemory<byte>.Empty);
        }
    }

    /// <summary>Answers the caller with our media (VMS plays prompts or collects digits). False when the caller is gone.</summary>
    public async Task<bool> AnswerAsync(CancellationToken cancellationToken)
    {
        if (State is CallState.Answered or CallState.Bridged)
        {
            return true;
        }

        if (_finalSent || Caller.Ended.IsCancellationRequested)
        {
            return false;
        }

        var codec = CallerCodecs[0];
        return await AnswerCallerAsync(codec, cancellationToken);
    }

    /// <summary>Plays a prompt to the caller (answering first). Returns false when the caller hung up.</summary>
    public async Task<PlayOutcome?> PlayAsync(string prompt, CancellationToken cancellationToken)
    {
        if (!await AnswerAsync(cancellationToken))
        {
            return null;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Caller.Ended);
        try
        {
            return await _callerMedia!.PlayAsync(prompt, stopOnDigit: false, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Plays <paramref name="prompt"/> (stopped by the first key) and collects keys; null when the caller hung up, empty on timeout.</summary>
    public async Task<string?> CollectDigitsAsync(string? prompt, DigitOptions options, CancellationToken cancellationToken)
    {
        if (!await AnswerAsync(cancellationToken))
        {
            return null;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Caller.Ended);
        try
        {
            if (prompt is not null)
            {
                await _callerMedia!.PlayAsync(prompt, stopOnDigit: true, linked.Token);
            }

            return await _callerMedia!.CollectDigitsAsync(options, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Refuses the call with a final error (no effect once answered: use <see cref="HangUpAsync"/>).</summary>
    public void Reject(int status, string reason, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        if (_finalSent || Caller.Ended.IsCancellationRequested)
        {
            return;
        }

        _finalSent = true;
        FinalStatus = status;
        State = CallState.Ended;
        Caller.Reject(status, reason, headers);
        ReleaseCallerMedia();
    }

    /// <summary>Ends the call from VMS: BYE when answered, else 480 (or <paramref name="statusIfUnanswered"/>).</summary>
    public async Task HangUpAsync(int statusIfUnanswered, CancellationToken cancellationToken)
    {
        if (State is CallState.Answered or CallState.Bridged)
        {
            State = CallState.Ended;
            if (!Caller.Ended.IsCancellationRequested)
            {
                await Caller.HangUpAsync(cancellationToken);
            }
        }
        else
        {
            Reject(statusIfUnanswered, statusIfUnanswered == 486 ? "Busy Here" : "Temporarily Unavailable");
        }

        State = CallState.Ended;
        ReleaseCallerMedia();
    }

    public ValueTask DisposeAsync()
    {
        State = CallState.Ended;
        ReleaseCallerMedia();
        return ValueTask.CompletedTask;
    }

    /// <summary>Takes an RTP endpoint for the caller; false (and 503 sent) when the port range is exhausted.</summary>
    internal bool EnsureCallerMedia()
    {
        if (_callerMedia is not null)
        {
            return true;
        }

        _callerMedia = _media.TryAllocate();
        if (_callerMedia is null)
        {
            LogPortsExhausted(_logger, Caller.CallId);
            Reject(503, "Service Unavailable (no media port)", [new("Retry-After", "5")]);
            return false;
        }

        return true;
    }

    /// <summary>Sends 200 with our SDP for <paramref name="codec"/> and completes the offer/answer (late offer: from the ACK).</summary>
    private async Task<bool> AnswerCallerAsync(G711Law codec, CancellationToken cancellationToken)
    {
        if (!EnsureCallerMedia() || !PrepareCallerSdp(codec))
        {
            return false;
        }

        _finalSent = true;
        var ack = await Caller.AnswerAsync(SdpWriter.Write(_callerLocal!), cancellationToken);
        if (ack is null)
        {
            State = CallState.Ended;
            FinalStatus = 200;
            ReleaseCallerMedia();
            return false;
        }

        if (_callerOffer is null)
        {
            var processed = OfferAnswer.ProcessAnswer(_callerLocal!, ack.Value.Span);
            if (!processed.IsAccepted)
            {
                LogLateOfferRefused(_logger, Caller.CallId, processed.Reason ?? "refused");
                State = CallState.Answered;
                await HangUpAsync(488, cancellationToken);
                return false;
            }

            _callerNegotiated = processed.Media;
        }

        _callerMedia!.Connect(_callerNegotiated!);
        FinalStatus = 200;
        AnsweredAt = _time.GetUtcNow();
        State = CallState.Answered;
        return true;
    }

    /// <summary>Builds our SDP toward the caller for <paramref name="codec"/>: an answer to the offer, or our offer (late offer).</summary>
    private bool PrepareCallerSdp(G711Law codec)
    {
        var local = CallSdp.Local(_media.Address, _callerMedia!.Port, [codec], _options);
        if (_callerOffer is null)
        {
            _callerLocal = OfferAnswer.CreateOffer(local);
            return true;
        }

        var answer = OfferAnswer.CreateAnswer(_callerOffer, local);
        if (!answer.IsAccepted)
        {
            Reject(488, "Not Acceptable Here", [new("Warning", "305 vms \"" + (answer.Reason ?? "no common codec") + "\"")]);
            return false;
        }

        _callerLocal = answer.LocalDescription;
        _callerNegotiated = answer.Media;
        return true;
    }

    private void ReleaseCallerMedia()
    {
        _callerMedia?.Dispose();
        _callerMedia = null;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Call {CallId}: RTP ports exhausted, refused with 503")]
    private static partial void LogPortsExhausted(ILogger logger, string callId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Call {CallId}: the ACK's SDP answer was refused ({Reason})")]
    private static partial void LogLateOfferRefused(ILogger logger, string callId, string reason);
}
