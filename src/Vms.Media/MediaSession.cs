using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Playback;
using Vms.Media.Recording;
using Vms.Media.Relay;
using Vms.Media.Rtcp;
using Vms.Media.Rtp;
using Vms.Media.Sdp;
using Vms.Media.Transport;

namespace Vms.Media;

/// <summary>
/// The media of one call leg: an RTP/RTCP port pair, SDP offer/answer, prompt playback (paced by the engine's
/// media clock), DTMF in (RFC 4733 and, optionally, in-band) and out, digit collection, recording, and relay to
/// another leg through <see cref="Bridge"/>. Create with <see cref="MediaEngine.CreateSession"/>; dispose at the
/// end of the call to release the ports.
/// </summary>
/// <example>
/// An inbound call with a menu, then a recorded bridge to a second leg:
/// <code>
/// var created = engine.CreateSession();                    // at INVITE
/// if (!created.IsSuccess) { /* answer 503 */ }
/// var leg = created.Session!;
/// var answer = leg.AcceptOffer(inviteBody);                 // NoCommonCodec / NoAudioStream → 488
/// var sdp = SdpWriter.Write(answer.LocalDescription!);     // body of the 200 OK
/// var prompt = engine.Prompts.GetOrLoad("/prompts/menu.wav").Prompt!;
/// var played = await leg.PlayAsync(prompt, bargeIn: true);
/// var choice = await leg.CollectDigitsAsync(new DtmfCollectOptions { MaxDigits = 1, FirstDigitTimeout = TimeSpan.FromSeconds(5) });
///
/// var other = engine.CreateSession().Session!;               // outbound leg
/// var offer = SdpWriter.Write(other.CreateOffer());          // body of the INVITE
/// other.AcceptAnswer(answerBody);                            // from its 200 OK
/// using var bridge = leg.Bridge(other, new BridgeOptions { PassDtmf = true });
/// var recording = bridge.StartRecording("/rec/call.wav", new RecordingOptions { MaxBytes = quotaLeft });
/// // ... at BYE:
/// await recording.StopAsync();
/// await leg.DisposeAsync();                                  // releases the ports
/// await other.DisposeAsync();
/// </code>
/// </example>
public sealed partial class MediaSession : IDatagramReceiver, IMediaClockListener, IAsyncDisposable
{
    private const int RtcpIntervalTicks = 250; // 5 s
    private readonly MediaEngine _engine;
    private readonly IRtpSocket _rtp;
    private readonly IRtpSocket _rtcp;
    private readonly SymmetricRtpLatch _latch;
    private readonly RtpReceiveStatistics _stats = new();
    private readonly DtmfEventReceiver _dtmfIn = new();
    private DtmfToneDetector? _toneDetector; // with _decodeBuffer: made on first use, most peers send RFC 4733 events
    private readonly DtmfSendQueue _dtmfOut = new();
    private readonly PromptAndDigitState _caller = new();
    private readonly byte[] _tickBuffer = new byte[1500];
    private long _activity;
    private short[]? _decodeBuffer;
    private readonly Lock _gate = new();
    private readonly Lock _dtmfLock = new(); // the event receiver is fed by the socket loop and polled by the clock
    private readonly long _start;
    private readonly RtcpSession _rtcpSession;
    private SessionDescription? _localOffer;
    private ulong _sdpVersion;
    private volatile NegotiatedMedia? _media;
    private volatile RtpForwarder? _forwarder;
    private volatile RecorderTap[] _rxTaps = [];
    private volatile CallRecorder[] _txTaps = [];
    private CallRecorder[] _ownRecorders = [];
    private long _refused;
    private int _disposed;

    internal MediaSession(MediaEngine engine, IRtpSocket rtp, IRtpSocket rtcp, int port)
    {
        _engine = engine;
        _rtp = rtp;
        _rtcp = rtcp;
        LocalRtpPort = port;
        _start = engine.Time.GetTimestamp();
        _latch = new SymmetricRtpLatch(null, engine.Options.RelatchAfter);
        _rtcpSession = new RtcpSession(rtcp, Sender, _stats, engine.Time);
        _dtmfIn.DigitStarted += _caller.OnDigitStarted;
        _dtmfIn.DigitEnded += OnDigit;
        try
        {
            rtp.Start(this);
            rtcp.Start(this);
            engine.Clock.Register(this);
        }
        catch
        {
            // The engine closes both sockets (which stops their receive loops) and releases the pair.
            engine.Clock.Unregister(this);
            throw;
        }
    }

    /// <summary>Raised for every key press received (RFC 4733 or in-band), on a media thread.</summary>
    public event Action<DtmfEvent>? DigitReceived;

    /// <summary>The local RTP port (RTCP is the next port).</summary>
    public int LocalRtpPort { get; }

    /// <summary>The negotiated media, or null before offer/answer completed.</summary>
    public NegotiatedMedia? Media => _media;

    /// <summary>Where RTP is sent now (latched source, else the SDP address).</summary>
    public IPEndPoint? RemoteEndPoint => _latch.Remote;

    /// <summary>
    /// Detect DTMF tones in the received audio too. Turned on automatically when the peer's SDP has no
    /// telephone-event (it can only send tones); set it to force detection for peers that mix both.
    /// </summary>
    public bool InBandDtmfDetection { get; set; }

    /// <summary>Our outgoing RTP stream.</summary>
    public RtpSender Sender { get; } = new();

    internal MediaClock Clock => _engine.Clock;

    internal long ClockTick => _engine.Clock.Tick;

    /// <summary>Makes an SDP offer for this leg (for an outgoing call or a re-INVITE, e.g. sendonly to hold).</summary>
    public SessionDescription CreateOffer(MediaDirection direction = MediaDirection.SendRecv)
    {
        var offer = OfferAnswer.CreateOffer(LocalMedia() with { Direction = direction });
        lock (_gate)
        {
            _localOffer = offer;
        }

        return offer;
    }

    /// <summary>
    /// Applies the peer's offer and returns our answer in <see cref="NegotiationResult.LocalDescription"/>.
    /// <see cref="NegotiationStatus.NoCommonCodec"/> and <see cref="NegotiationStatus.NoAudioStream"/> mean
    /// 488 at the SIP layer; the session keeps its previous media then.
    /// </summary>
    public NegotiationResult AcceptOffer(ReadOnlySpan<byte> offer, MediaDirection wanted = MediaDirection.SendRecv)
    {
        var result = OfferAnswer.CreateAnswer(offer, LocalMedia() with { Direction = wanted });
        if (result.Media is { } media)
        {
            Apply(media);
        }

        return result;
    }

    /// <summary>Applies the peer's answer to our last <see cref="CreateOffer"/>.</summary>
    public NegotiationResult AcceptAnswer(ReadOnlySpan<byte> answer)
    {
        SessionDescription? offer;
        lock (_gate)
        {
            offer = _localOffer;
        }

        if (offer is null)
        {
            return new NegotiationResult(NegotiationStatus.Malformed, null, null, "no offer was made");
        }

        var result = OfferAnswer.ProcessAnswer(offer, answer);
        if (result.Media is { } media)
        {
            Apply(media);
        }

        return result;
    }

    /// <summary>
    /// Applies media negotiated elsewhere (the call layer ran <see cref="OfferAnswer"/> itself, e.g. to pass one
    /// leg's offer on to another): codec, payload types, remote address and our direction.
    /// </summary>
    public void ApplyNegotiated(NegotiatedMedia media)
    {
        ArgumentNullException.ThrowIfNull(media);
        Apply(media);
    }

    /// <summary>
    /// Plays a prompt; completes when it ends. A new prompt replaces a playing one (which completes as
    /// <see cref="PlayStatus.Stopped"/>). With <paramref name="bargeIn"/> the first key press stops it.
    /// </summary>
    public Task<PlayResult> PlayAsync(Prompt prompt, bool bargeIn = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (Volatile.Read(ref _disposed) != 0 || _media is not { } media)
        {
            return Task.FromResult(new PlayResult(PlayStatus.SessionEnded, TimeSpan.Zero, null));
        }

        return _caller.Play(new PromptPlayer(prompt.GetEncoded(media.Codec), bargeIn), cancellationToken);
    }

    /// <summary>Stops the playing prompt, if any.</summary>
    public void StopPlayback() => _caller.StopPlayback();

    /// <summary>
    /// Collects digits (type-ahead first unless discarded). Only one collection runs at a time: starting another
    /// cancels the first.
    /// </summary>
    public Task<DtmfCollectResult> CollectDigitsAsync(DtmfCollectOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Volatile.Read(ref _disposed) != 0)
        {
            return Task.FromResult(new DtmfCollectResult(string.Empty, DtmfCollectStatus.SessionEnded));
        }

        return _caller.Collect(new DtmfCollector(options, _engine.Time, cancellationToken), options.DiscardTypeAhead);
    }

    /// <summary>Sends digits as RFC 4733 events, one after another; false when the peer has no telephone-event.</summary>
    public bool SendDigits(string digits, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (_media?.TelephoneEventPayloadType is null || digits.Any(d => TelephoneEventPayload.FromDigit(d) < 0))
        {
            return false;
        }

        lock (_gate)
        {
            _dtmfOut.Enqueue(digits, duration ?? TimeSpan.FromMilliseconds(100));
        }

        return true;
    }

    /// <summary>Relays media between this leg (A) and <paramref name="other"/> (B).</summary>
    public MediaBridge Bridge(MediaSession other, BridgeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new MediaBridge(this, other, options ?? new BridgeOptions());
    }

    /// <summary>
    /// Packets accepted from the peer of any kind — RTP audio, RFC 4733 events and RTCP — for a media (inactivity)
    /// timeout: a peer sending only key presses or only RTCP reports is still there.
    /// </summary>
    public long MediaActivity => Interlocked.Read(ref _activity);

    /// <summary>Current receive/send figures.</summary>
    public MediaStatistics GetStatistics() =>
        new(_stats.Received, Math.Max(0, _stats.CumulativeLost), _stats.Jitter / 8.0, Sender.PacketCount, _rtcpSession.PeerFractionLost, Interlocked.Read(ref _refused) + _rtcpSession.Refused);

    /// <summary>Ends the leg: completes pending requests, sends RTCP BYE, stops its recording, releases the ports.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _engine.Clock.Unregister(this);
        CallRecorder[] own;
        _caller.End();
        lock (_gate)
        {
            own = _ownRecorders;
            _ownRecorders = [];
            _rxTaps = [];
            _txTaps = [];
        }

        _forwarder = null;
        _rtcpSession.SendBye(_latch.IsLatched ? _latch.Remote : null, _media?.RemoteRtcp);
        foreach (var recorder in own)
        {
            await recorder.StopAsync(RecordingStopReason.SessionEnded);
        }

        _rtp.Dispose();
        _rtcp.Dispose();
        _engine.Release(LocalRtpPort);
    }

    /// <inheritdoc />
    void IDatagramReceiver.OnDatagram(IRtpSocket socket, ReadOnlySpan<byte> data, IPEndPoint source)
    {
        if (ReferenceEquals(socket, _rtcp))
        {
            if (_rtcpSession.Receive(data))
            {
                Interlocked.Increment(ref _activity);
            }

            return;
        }

        if (RtpHeader.TryParse(data, out var header) != RtpParseStatus.Ok)
        {
            Interlocked.Increment(ref _refused);
            return;
        }

        // Classify before latching: only packets of a negotiated payload type may move the latch (RTP bleed).
        var media = _media;
        var isEvent = media?.TelephoneEventPayloadType == header.PayloadType || (media is null && header.PayloadType == _engine.Options.TelephoneEventPayloadType);
        G711Law law = default;
        if (!isEvent)
        {
            if (media is not null && header.PayloadType == media.PayloadType)
            {
                law = media.Codec;
            }
            else if (header.PayloadType is 0 or 8)
            {
                law = (G711Law)header.PayloadType;
            }
            else
            {
                Interlocked.Increment(ref _refused);
                return;
            }
        }

        var now = _engine.Time.GetElapsedTime(_start).Ticks;
        if (!_latch.Accept(source, header.Ssrc, now))
        {
            Interlocked.Increment(ref _refused);
            return;
        }

        Interlocked.Increment(ref _activity);
        var payload = header.GetPayload(data);
        if (isEvent)
        {
            lock (_dtmfLock)
            {
                _dtmfIn.Receive(header, payload, now);
            }

            _forwarder?.ForwardEvent(header, payload);
            return;
        }

        _stats.Update(header.Ssrc, header.SequenceNumber, header.Timestamp, now * 8000 / TimeSpan.TicksPerSecond);
        foreach (var tap in _rxTaps)
        {
            tap.Recorder.Write(tap.Direction, header.Ssrc, header.Timestamp, payload, law);
        }

        _forwarder?.ForwardAudio(header, payload, law);
        if (InBandDtmfDetection)
        {
            var buffer = _decodeBuffer ??= new short[1500];
            var samples = buffer.AsSpan(0, Math.Min(payload.Length, buffer.Length));
            G711.Decode(law, payload[..samples.Length], samples);
            (_toneDetector ??= CreateToneDetector()).Process(samples);
        }
    }

    private DtmfToneDetector CreateToneDetector()
    {
        var detector = new DtmfToneDetector();
        detector.DigitDetected += d => OnDigit(new DtmfEvent(d, 0, 0, true));
        return detector;
    }

    /// <inheritdoc />
    void IMediaClockListener.OnMediaTick(long tick)
    {
        lock (_dtmfLock)
        {
            _dtmfIn.Poll(_engine.Time.GetElapsedTime(_start).Ticks);
        }

        if (_media is not { } media)
        {
            return;
        }

        // A peer whose a=maxptime is below 20 gets each 20 ms of the tick as two 10 ms packets (+0 and +80).
        var samplesPerPacket = media.SendPtime < 20 ? 80 : 160;
        var timestamp = Sender.TimestampAt(tick);
        if (media.TelephoneEventPayloadType is { } eventType)
        {
            lock (_gate)
            {
                for (var at = 0; at < 160; at += samplesPerPacket)
                {
                    if (_dtmfOut.Next(_tickBuffer, Sender, eventType, unchecked(timestamp + (uint)at), samplesPerPacket) is > 0 and var length && media.CanSend)
                    {
                        SendRtp(_tickBuffer.AsSpan(0, length));
                    }
                }
            }
        }

        var frame = _tickBuffer.AsSpan(RtpHeader.FixedLength, 160);
        if (_caller.NextFrame(frame, G711.Silence(media.Codec), out var marker))
        {
            foreach (var recorder in _txTaps)
            {
                recorder.Write(1, Sender.Ssrc, timestamp, frame, media.Codec); // before sending: a split reuses the frame's bytes
            }

            if (media.CanSend)
            {
                SendFrame(media, marker, timestamp, samplesPerPacket);
            }
        }

        if (tick % RtcpIntervalTicks == LocalRtpPort % RtcpIntervalTicks)
        {
            _rtcpSession.SendReport(tick, _latch.IsLatched ? _latch.Remote : null, media.RemoteRtcp);
        }
    }

    internal void SendRtp(ReadOnlySpan<byte> packet)
    {
        if (_latch.Remote is { } remote)
        {
            _rtp.Send(packet, remote);
        }
    }

    internal void SetForwarder(RtpForwarder? forwarder) => _forwarder = forwarder;

    /// <summary>
    /// Sends the 160-sample frame at <see cref="RtpHeader.FixedLength"/> in <see cref="_tickBuffer"/>: one packet,
    /// or packets of <paramref name="samplesPerPacket"/>, each header written just before its part of the frame
    /// (over bytes already sent), consecutive sequence numbers and timestamps, the marker only on the first.
    /// </summary>
    private void SendFrame(NegotiatedMedia media, bool marker, uint timestamp, int samplesPerPacket)
    {
        for (var at = 0; at < 160; at += samplesPerPacket)
        {
            var packet = _tickBuffer.AsSpan(at, RtpHeader.FixedLength + samplesPerPacket);
            Sender.WriteHeader(packet, marker && at == 0, media.PayloadType, unchecked(timestamp + (uint)at), samplesPerPacket, this);
            SendRtp(packet);
        }
    }

    private SdpLocalMedia LocalMedia()
    {
        lock (_gate)
        {
            _sdpVersion++;
            return new SdpLocalMedia(_engine.Options.SdpAddress, LocalRtpPort, _engine.Options.Codecs)
            {
                TelephoneEventPayloadType = _engine.Options.TelephoneEventPayloadType,
                SessionId = ((uint)LocalRtpPort * 7919u).ToString(System.Globalization.CultureInfo.InvariantCulture),
                SessionVersion = _sdpVersion,
            };
        }
    }

    private void Apply(NegotiatedMedia media)
    {
        var previous = _media?.RemoteRtp;
        _media = media;
        if (media.TelephoneEventPayloadType is null)
        {
            InBandDtmfDetection = true;
        }

        if (!_latch.IsLatched || media.RemoteRtp is null || !media.RemoteRtp.Equals(previous))
        {
            _latch.Resignal(media.RemoteRtp); // a new address in SDP (transfer, re-INVITE): latch again
        }
    }

    private void OnDigit(DtmfEvent e)
    {
        _caller.OnDigit(e.Digit);
        DigitReceived?.Invoke(e);
    }
}
