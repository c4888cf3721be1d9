using Microsoft.Extensions.Logging;
using Vms.Media.Sdp;
using Vms.Telephony.Media;
using Vms.Telephony.Signalling;

namespace Vms.Telephony;

/// <summary>
/// Turns an incoming INVITE into a <see cref="InboundCall"/>, or refuses it at once: malformed SDP → 400, no common codec
/// → 488, RTP ports exhausted → 503 with Retry-After.
/// </summary>
public sealed partial class CallFactory
{
    private readonly IMediaEngine _media;
    private readonly IOutboundDialer _dialer;
    private readonly TimeProvider _time;
    private readonly TelephonyOptions _options;
    private readonly ILogger<InboundCall> _logger;

    public CallFactory(IMediaEngine media, IOutboundDialer dialer, TimeProvider time, TelephonyOptions options, ILogger<InboundCall> logger)
    {
        _media = media;
        _dialer = dialer;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>The call, or null when it was refused (the response is already sent).</summary>
    public InboundCall? Accept(IInboundSession caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        SessionDescription? offer = null;
        if (!caller.Offer.IsEmpty)
        {
            var parsed = SdpParser.Parse(caller.Offer.Span);
            if (parsed.Description is null)
            {
                LogRefused(_logger, caller.CallId, 400, parsed.Error ?? "bad SDP");
                caller.Reject(400, "Bad Request (SDP: " + (parsed.Error ?? "malformed") + ")");
                return null;
            }

            offer = parsed.Description;
            if (CallSdp.OfferedCodecs(offer, _options.Codecs).Count == 0)
            {
                LogRefused(_logger, caller.CallId, 488, "no common codec");
                caller.Reject(488, "Not Acceptable Here", [new("Warning", "305 vms \"no common codec: PCMA or PCMU wanted\"")]);
                return null;
            }
        }

        var call = new InboundCall(caller, offer, _media, _dialer, _time, _options, _logger);
        return call.EnsureCallerMedia() ? call : null;
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Call {CallId} refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string callId, int status, string reason);
}
