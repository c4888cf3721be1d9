using System.Net;

namespace Vms.Telephony.Media;

/// <summary>The RTP side of the call layer: endpoints from the port range, prompts, digits and relays.</summary>
public interface IMediaEngine
{
    /// <summary>The address put in our SDP.</summary>
    IPAddress Address { get; }

    /// <summary>An RTP/RTCP port pair, or null when the range is exhausted (the call is refused with 503).</summary>
    IMediaEndpoint? TryAllocate();
}
