using System.Net;
using Vms.Media.Codecs;

namespace Vms.Media.Sdp;

/// <summary>The outcome of a successful offer/answer for the audio stream.</summary>
/// <param name="Codec">The codec both sides use.</param>
/// <param name="PayloadType">Its payload type (0 or 8, or the peer's dynamic number).</param>
/// <param name="TelephoneEventPayloadType">The telephone-event payload type, or null when the peer has none.</param>
/// <param name="RemoteRtp">Where to send RTP; null when the peer does not want media (0.0.0.0 hold, inactive).</param>
/// <param name="RemoteRtcp">Where to send RTCP (a=rtcp, else RTP port + 1); null with <paramref name="RemoteRtp"/>.</param>
/// <param name="Ptime">
/// Packetisation time the peer asked for (<c>a=ptime</c>, 10–200, else 20), in milliseconds: a hint of what it
/// prefers to receive. Whatever it says, every receive path (events, in-band DTMF, recorder, relay) accepts any
/// packet size from the peer; see <see cref="SendPtime"/> for what we send.
/// </param>
/// <param name="Direction">Our direction for the stream.</param>
public sealed record NegotiatedMedia(
    G711Law Codec,
    byte PayloadType,
    byte? TelephoneEventPayloadType,
    IPEndPoint? RemoteRtp,
    IPEndPoint? RemoteRtcp,
    int Ptime,
    MediaDirection Direction)
{
    /// <summary>
    /// The packet size we must send, in milliseconds: 20 (one frame of the shared media clock per packet) unless
    /// the peer's <c>a=maxptime</c> is below 20, then 10 (each 20 ms frame goes out as two packets, timestamps
    /// +0 and +80, in the same tick). The peer's <see cref="Ptime"/> is a preference only and does not change it.
    /// </summary>
    public int SendPtime { get; init; } = 20;

    /// <summary>True when we may send media.</summary>
    public bool CanSend => RemoteRtp is not null && Direction is MediaDirection.SendRecv or MediaDirection.SendOnly;

    /// <summary>True when we expect media.</summary>
    public bool CanReceive => Direction is MediaDirection.SendRecv or MediaDirection.RecvOnly;
}
