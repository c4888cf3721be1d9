using System.Globalization;
using System.Text;
using Vms.Media;
using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Playback;
using Vms.Media.Sdp;

namespace Vms.Telephony.Media;

/// <summary>An <see cref="IMediaEndpoint"/> on a Vms.Media <see cref="MediaSession"/> (a real RTP port pair).</summary>
internal sealed class EngineMediaEndpoint : IMediaEndpoint
{
    private readonly MediaSession _session;
    private readonly PromptLibrary _prompts;
    private readonly Action? _released;
    private int _disposed;

    public EngineMediaEndpoint(MediaSession session, PromptLibrary prompts, Action? released = null)
    {
        _session = session;
        _prompts = prompts;
        _released = released;
    }

    public int Port => _session.LocalRtpPort;

    /// <summary>Every packet the session accepted from its peer: audio, telephone-events and RTCP.</summary>
    public long PacketsReceived => _session.MediaActivity;

    internal MediaSession Session => _session;

    /// <summary>
    /// Applies negotiated media decided by the call layer. The session takes media from SDP only, so the remote
    /// side is described as the offer it would have made and accepted (same codec, address, direction).
    /// </summary>
    public void Connect(NegotiatedMedia remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (remote.RemoteRtp is not { } rtp)
        {
            return;
        }

        var theirs = remote.Direction switch
        {
            MediaDirection.SendOnly => "recvonly",
            MediaDirection.RecvOnly => "sendonly",
            MediaDirection.Inactive => "inactive",
            _ => "sendrecv",
        };
        var pt = remote.PayloadType.ToString(CultureInfo.InvariantCulture);
        var family = rtp.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        var sdp = new StringBuilder()
            .Append("v=0\r\no=- 1 1 IN ").Append(family).Append(' ').Append(rtp.Address).Append("\r\ns=-\r\n")
            .Append("c=IN ").Append(family).Append(' ').Append(rtp.Address).Append("\r\nt=0 0\r\n")
            .Append("m=audio ").Append(rtp.Port).Append(" RTP/AVP ").Append(pt);
        if (remote.TelephoneEventPayloadType is { } te)
        {
            sdp.Append(' ').Append(te);
        }

        sdp.Append("\r\na=rtpmap:").Append(pt).Append(remote.Codec == G711Law.Ulaw ? " PCMU/8000" : " PCMA/8000").Append("\r\n");
        if (remote.TelephoneEventPayloadType is { } te2)
        {
            sdp.Append("a=rtpmap:").Append(te2).Append(" telephone-event/8000\r\n");
        }

        sdp.Append("a=ptime:").Append(remote.Ptime).Append("\r\na=").Append(theirs).Append("\r\n");
        _session.AcceptOffer(Encoding.ASCII.GetBytes(sdp.ToString()), remote.Direction);
    }

    public async Task<PlayOutcome> PlayAsync(string prompt, bool stopOnDigit, CancellationToken cancellationToken)
    {
        var (p, found) = _prompts.Get(prompt);
        var result = await _session.PlayAsync(p, stopOnDigit, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return result.Status switch
        {
            PlayStatus.BargedIn => PlayOutcome.InterruptedByDigit,
            PlayStatus.Completed => found ? PlayOutcome.Completed : PlayOutcome.PromptMissing,
            _ => PlayOutcome.Stopped,
        };
    }

    public async Task<string> CollectDigitsAsync(DigitOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = await _session.CollectDigitsAsync(
            new DtmfCollectOptions
            {
                MaxDigits = options.MaxDigits,
                Terminator = options.Terminator,
                FirstDigitTimeout = options.FirstDigitTimeout,
                InterDigitTimeout = options.InterDigitTimeout,
            },
            cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return result.Digits;
    }

    public IDisposable Bridge(IMediaEndpoint other) =>
        new EngineBridge(_session.Bridge(((EngineMediaEndpoint)other)._session));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ = _session.DisposeAsync().AsTask();
            _released?.Invoke();
        }
    }
}
