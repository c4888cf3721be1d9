using System.Globalization;
using Vms.Media.Codecs;
using Vms.Media.Sdp;

namespace Vms.Telephony;

/// <summary>The SDP decisions of the B2BUA: which codecs a peer offered that we can relay, and our own descriptions.</summary>
internal static class CallSdp
{
    /// <summary>The G.711 codecs of the first audio stream of <paramref name="offer"/>, in the offer's order, that we support.</summary>
    public static IReadOnlyList<G711Law> OfferedCodecs(SessionDescription offer, IReadOnlyList<G711Law> supported)
    {
        var result = new List<G711Law>(2);
        var audio = offer.Media.FirstOrDefault(m => m.Port != 0 && string.Equals(m.Media, "audio", StringComparison.OrdinalIgnoreCase));
        if (audio is null)
        {
            return result;
        }

        foreach (var format in audio.Formats)
        {
            G711Law? codec = audio.GetRtpMap(format) is { } map
                ? (map.ClockRate == 8000 && string.Equals(map.Encoding, "PCMU", StringComparison.OrdinalIgnoreCase) ? G711Law.Ulaw
                    : map.ClockRate == 8000 && string.Equals(map.Encoding, "PCMA", StringComparison.OrdinalIgnoreCase) ? G711Law.Alaw : null)
                : format switch { "0" => G711Law.Ulaw, "8" => G711Law.Alaw, _ => null };
            if (codec is { } c && supported.Contains(c) && !result.Contains(c))
            {
                result.Add(c);
            }
        }

        return result;
    }

    /// <summary>The direction of the first audio stream (sendrecv when absent).</summary>
    public static MediaDirection DirectionOf(SessionDescription sdp)
    {
        var audio = sdp.Media.FirstOrDefault(m => string.Equals(m.Media, "audio", StringComparison.OrdinalIgnoreCase));
        return audio is null ? MediaDirection.SendRecv : sdp.DirectionFor(audio);
    }

    public static SdpLocalMedia Local(System.Net.IPAddress address, int port, IReadOnlyList<G711Law> codecs, TelephonyOptions options, ulong version = 1, MediaDirection direction = MediaDirection.SendRecv) =>
        new(address, port, codecs)
        {
            TelephoneEventPayloadType = options.TelephoneEventPayloadType,
            SessionId = port.ToString(CultureInfo.InvariantCulture),
            SessionVersion = version,
            Direction = direction,
        };

    public static ulong VersionOf(SessionDescription sdp) =>
        ulong.TryParse(sdp.Origin.SessionVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 1;
}
