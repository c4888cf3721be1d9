using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Sdp;

namespace Vms.Server.Tests.Calls.Fakes;

/// <summary>SDP as a phone would send it.</summary>
internal static class PhoneSdp
{
    public static byte[] Offer(int port, params G711Law[] codecs) =>
        SdpWriter.Write(OfferAnswer.CreateOffer(new SdpLocalMedia(IPAddress.Parse("192.0.2.10"), port, codecs)));

    public static byte[] Offer(int port, MediaDirection direction, params G711Law[] codecs) =>
        SdpWriter.Write(OfferAnswer.CreateOffer(new SdpLocalMedia(IPAddress.Parse("192.0.2.10"), port, codecs) { Direction = direction }));

    public static byte[] G722Only(int port) => System.Text.Encoding.ASCII.GetBytes(
        $"v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio {port} RTP/AVP 9\r\na=rtpmap:9 G722/8000\r\n");

    public static byte[] Answer(ReadOnlyMemory<byte> offer, int port, MediaDirection direction = MediaDirection.SendRecv, params G711Law[] codecs)
    {
        var result = OfferAnswer.CreateAnswer(offer.Span, new SdpLocalMedia(IPAddress.Parse("192.0.2.20"), port, codecs.Length == 0 ? [G711Law.Alaw, G711Law.Ulaw] : codecs) { Direction = direction });
        return result.IsAccepted ? SdpWriter.Write(result.LocalDescription!) : throw new InvalidOperationException(result.Reason);
    }

    public static MediaDirection DirectionOf(ReadOnlyMemory<byte> sdp)
    {
        var d = SdpParser.Parse(sdp.Span).Description!;
        return d.DirectionFor(d.Media[0]);
    }

    public static string CodecOf(ReadOnlyMemory<byte> sdp) => SdpParser.Parse(sdp.Span).Description!.Media[0].Formats[0];
}
