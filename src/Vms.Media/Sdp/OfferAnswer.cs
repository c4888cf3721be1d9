using System.Globalization;
using System.Net;
using Vms.Media.Codecs;

namespace Vms.Media.Sdp;

/// <summary>
/// The SDP offer/answer model (RFC 3264) for one audio stream of G.711 with telephone-events. The answer
/// picks the first codec of <em>our</em> preference that the offer contains; other media and extra audio
/// streams are refused with port 0 (§6); direction follows §6.1 (sendonly ↔ recvonly) and the RFC 2543
/// 0.0.0.0 hold address is honoured.
/// </summary>
/// <remarks>
/// Packetisation time: VMS sends 20 ms frames paced by one shared media clock, so offers and answers always
/// say <c>a=ptime:20</c> (RFC 3264 §5: the packet size we would like to receive). The peer's <c>a=ptime</c> is a
/// preference and is only reported (<see cref="NegotiatedMedia.Ptime"/>); an offer of <c>a=ptime:10</c> alone is
/// answered with <c>a=ptime:20</c> and still gets 20 ms packets. The peer's <c>a=maxptime</c> is a limit: below
/// 20 the answer is unchanged but <see cref="NegotiatedMedia.SendPtime"/> becomes 10, and the sender must split
/// each 20 ms frame into two 10 ms packets. Received packets of any size (10, 20, 30, 40, 60 ms, and changes
/// mid-call) are accepted whatever was negotiated.
/// </remarks>
public static class OfferAnswer
{
    /// <summary>Builds an offer with our codecs in preference order.</summary>
    public static SessionDescription CreateOffer(SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var formats = new List<string>();
        var attributes = new List<SdpAttributeLine>();
        foreach (var codec in local.Codecs.Distinct())
        {
            formats.Add(((int)codec).ToString(CultureInfo.InvariantCulture));
            attributes.Add(new SdpAttributeLine("rtpmap", codec == G711Law.Ulaw ? "0 PCMU/8000" : "8 PCMA/8000"));
        }

        AddTelephoneEvent(local.TelephoneEventPayloadType, formats, attributes);
        return Build(local, formats, attributes, local.Direction, []);
    }

    /// <summary>Answers an offer. Never throws on a bad offer.</summary>
    public static NegotiationResult CreateAnswer(ReadOnlySpan<byte> offerBody, SdpLocalMedia local)
    {
        var parsed = SdpParser.Parse(offerBody);
        return parsed.Description is null
            ? new NegotiationResult(NegotiationStatus.Malformed, null, null, parsed.Error)
            : CreateAnswer(parsed.Description, local);
    }

    /// <summary>Answers a parsed offer.</summary>
    public static NegotiationResult CreateAnswer(SessionDescription offer, SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        NegotiatedMedia? chosen = null;
        string? reason = null;
        var sawAudio = false;
        var answered = new List<MediaDescription>();
        foreach (var m in offer.Media)
        {
            if (chosen is null && IsRtpAudio(m) && m.Port != 0)
            {
                sawAudio = true;
                var pick = Select(offer, m, local.Codecs, null);
                if (pick is not null)
                {
                    var direction = Answer(offer.DirectionFor(m), local.Direction);
                    chosen = pick with { Direction = direction };
                    var formats = new List<string> { pick.PayloadType.ToString(CultureInfo.InvariantCulture) };
                    var attributes = new List<SdpAttributeLine> { new("rtpmap", $"{pick.PayloadType} {(pick.Codec == G711Law.Ulaw ? "PCMU" : "PCMA")}/8000") };
                    AddTelephoneEvent(pick.TelephoneEventPayloadType, formats, attributes);
                    attributes.Add(new SdpAttributeLine("ptime", local.Ptime.ToString(CultureInfo.InvariantCulture)));
                    attributes.Add(new SdpAttributeLine(DirectionName(direction), null));
                    answered.Add(new MediaDescription(m.Media, local.Port, null, m.Protocol, formats, null, attributes, []));
                    continue;
                }

                reason = "no common codec in " + string.Join(' ', m.Formats);
            }

            answered.Add(new MediaDescription(m.Media, 0, null, m.Protocol, m.Formats.Count > 0 ? m.Formats : ["0"], null, [], []));
        }

        if (chosen is null)
        {
            return sawAudio
                ? new NegotiationResult(NegotiationStatus.NoCommonCodec, null, null, reason)
                : new NegotiationResult(NegotiationStatus.NoAudioStream, null, null, "no RTP/AVP audio stream with a port in the offer");
        }

        var origin = new SdpOrigin("vms", local.SessionId, local.SessionVersion.ToString(CultureInfo.InvariantCulture), "IN", SdpConnection.For(local.Address).AddressType, local.Address.ToString());
        var answer = new SessionDescription(origin, "vms", SdpConnection.For(local.Address), ["0 0"], [], answered, []);
        return new NegotiationResult(NegotiationStatus.Accepted, answer, chosen, null);
    }

    /// <summary>Processes the answer to an offer we made.</summary>
    public static NegotiationResult ProcessAnswer(SessionDescription ourOffer, ReadOnlySpan<byte> answerBody)
    {
        ArgumentNullException.ThrowIfNull(ourOffer);
        var parsed = SdpParser.Parse(answerBody);
        if (parsed.Description is not { } answer)
        {
            return new NegotiationResult(NegotiationStatus.Malformed, null, null, parsed.Error);
        }

        var ourAudio = ourOffer.Media.FirstOrDefault(IsRtpAudio);
        var audio = answer.Media.FirstOrDefault(m => IsRtpAudio(m) && m.Port != 0);
        if (ourAudio is null || audio is null)
        {
            return new NegotiationResult(NegotiationStatus.NoAudioStream, null, null, "the answer refused the audio stream");
        }

        var ourCodecs = ourAudio.Formats.Where(f => f is "0" or "8").Select(f => f == "0" ? G711Law.Ulaw : G711Law.Alaw).ToList();
        var pick = Select(answer, audio, ourCodecs, ourAudio);
        if (pick is null)
        {
            return new NegotiationResult(NegotiationStatus.AnswerNotInOffer, null, null, "the answer holds no codec of our offer");
        }

        var ourDirection = ourOffer.DirectionFor(ourAudio);
        var theirs = answer.DirectionFor(audio);
        return new NegotiationResult(NegotiationStatus.Accepted, ourOffer, pick with { Direction = Answer(theirs, ourDirection) }, null);
    }

    /// <summary>The direction an answerer uses for an offered direction, limited by what it wants itself.</summary>
    public static MediaDirection Answer(MediaDirection offered, MediaDirection wanted)
    {
        var canSend = offered is MediaDirection.SendRecv or MediaDirection.RecvOnly;
        var canReceive = offered is MediaDirection.SendRecv or MediaDirection.SendOnly;
        canSend &= wanted is MediaDirection.SendRecv or MediaDirection.SendOnly;
        canReceive &= wanted is MediaDirection.SendRecv or MediaDirection.RecvOnly;
        return (canSend, canReceive) switch
        {
            (true, true) => MediaDirection.SendRecv,
            (true, false) => MediaDirection.SendOnly,
            (false, true) => MediaDirection.RecvOnly,
            _ => MediaDirection.Inactive,
        };
    }

    private static NegotiatedMedia? Select(SessionDescription sdp, MediaDescription m, IReadOnlyList<G711Law> preference, MediaDescription? offered)
    {
        foreach (var codec in preference)
        {
            foreach (var format in m.Formats)
            {
                if (!byte.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127)
                {
                    continue;
                }

                var map = m.GetRtpMap(format);
                var name = codec == G711Law.Ulaw ? "PCMU" : "PCMA";
                var matches = map is { } r
                    ? string.Equals(r.Encoding, name, StringComparison.OrdinalIgnoreCase) && r.ClockRate == 8000
                    : pt == (byte)codec;
                if (!matches || (offered is not null && !offered.Formats.Contains(format)))
                {
                    continue;
                }

                return new NegotiatedMedia(codec, pt, TelephoneEvent(m), RemoteRtp(sdp, m), RemoteRtcp(sdp, m), RemotePtime(m), MediaDirection.SendRecv)
                {
                    SendPtime = SendPtime(m),
                };
            }
        }

        return null;
    }

    private static byte? TelephoneEvent(MediaDescription m)
    {
        foreach (var format in m.Formats)
        {
            if (m.GetRtpMap(format) is { } r && string.Equals(r.Encoding, "telephone-event", StringComparison.OrdinalIgnoreCase) && r.ClockRate == 8000
                && byte.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && pt is >= 96 and <= 127)
            {
                return pt;
            }
        }

        return null;
    }

    private static IPEndPoint? RemoteRtp(SessionDescription sdp, MediaDescription m) =>
        sdp.ConnectionFor(m) is { IpAddress: { } ip, IsUnspecified: false } ? new IPEndPoint(ip, m.Port) : null;

    private static IPEndPoint? RemoteRtcp(SessionDescription sdp, MediaDescription m)
    {
        if (RemoteRtp(sdp, m) is not { } rtp)
        {
            return null;
        }

        var port = rtp.Port + 1;
        if (m.GetAttribute("rtcp") is { } value)
        {
            var text = value.Split(' ')[0];
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536)
            {
                port = p;
            }
        }

        return new IPEndPoint(rtp.Address, port);
    }

    private static int RemotePtime(MediaDescription m) => m.Ptime is { } p && p >= 10 && p <= 200 ? (int)p : 20;

    private static int SendPtime(MediaDescription m) => m.MaxPtime is { } max && max < 20 ? 10 : 20;

    private static bool IsRtpAudio(MediaDescription m) =>
        string.Equals(m.Media, "audio", StringComparison.OrdinalIgnoreCase)
        && (string.Equals(m.Protocol, "RTP/AVP", StringComparison.OrdinalIgnoreCase) || string.Equals(m.Protocol, "RTP/AVPF", StringComparison.OrdinalIgnoreCase));

    private static void AddTelephoneEvent(byte? pt, List<string> formats, List<SdpAttributeLine> attributes)
    {
        if (pt is { } te)
        {
            var text = te.ToString(CultureInfo.InvariantCulture);
            formats.Add(text);
            attributes.Add(new SdpAttributeLine("rtpmap", text + " telephone-event/8000"));
            attributes.Add(new SdpAttributeLine("fmtp", text + " 0-16"));
        }
    }

    private static SessionDescription Build(SdpLocalMedia local, List<string> formats, List<SdpAttributeLine> attributes, MediaDirection direction, List<string> other)
    {
        attributes.Add(new SdpAttributeLine("ptime", local.Ptime.ToString(CultureInfo.InvariantCulture)));
        attributes.Add(new SdpAttributeLine(DirectionName(direction), null));
        var connection = SdpConnection.For(local.Address);
        var origin = new SdpOrigin("vms", local.SessionId, local.SessionVersion.ToString(CultureInfo.InvariantCulture), "IN", connection.AddressType, local.Address.ToString());
        var audio = new MediaDescription("audio", local.Port, null, "RTP/AVP", formats, null, attributes, other);
        return new SessionDescription(origin, "vms", connection, ["0 0"], [], [audio], []);
    }

    private static string DirectionName(MediaDirection d) => d switch
    {
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.RecvOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => "sendrecv",
    };
}
