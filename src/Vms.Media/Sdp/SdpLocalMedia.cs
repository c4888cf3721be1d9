using System.Net;
using Vms.Media.Codecs;

namespace Vms.Media.Sdp;

/// <summary>
/// What this side offers or accepts for one audio stream: address and RTP port, codecs in our order of
/// preference, the telephone-event payload type we offer, packetisation time and direction.
/// </summary>
public sealed record SdpLocalMedia(IPAddress Address, int Port, IReadOnlyList<G711Law> Codecs)
{
    /// <summary>Dynamic payload type offered for telephone-event/8000 (RFC 4733); null to not offer DTMF events.</summary>
    public byte? TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>Packetisation time in milliseconds.</summary>
    public int Ptime { get; init; } = 20;

    /// <summary>The direction we want (sendonly to put the peer on hold).</summary>
    public MediaDirection Direction { get; init; } = MediaDirection.SendRecv;

    /// <summary>The o= session id (digits).</summary>
    public string SessionId { get; init; } = "1";

    /// <summary>The o= session version; increment for every new offer or answer of a session.</summary>
    public ulong SessionVersion { get; init; } = 1;
}
