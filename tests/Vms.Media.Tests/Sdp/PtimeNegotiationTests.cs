using System.Net;
using System.Text;
using Vms.Media.Codecs;
using Vms.Media.Sdp;

namespace Vms.Media.Tests.Sdp;

/// <summary>
/// Packetisation time in offer/answer: we always ask for 20 ms (a=ptime:20), report the peer's preference, and
/// drop to 10 ms packets only when the peer's a=maxptime forbids 20 ms.
/// </summary>
[Trait("rfc", "3264")]
public class PtimeNegotiationTests
{
    private static readonly SdpLocalMedia Local = new(IPAddress.Loopback, 20000, [G711Law.Alaw, G711Law.Ulaw]);

    private static byte[] Offer(string extra) => Encoding.ASCII.GetBytes(
        $"v=0\r\no=peer 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 30000 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\n{extra}");

    [Theory]
    [InlineData("", 20, 20)]
    [InlineData("a=ptime:20\r\n", 20, 20)]
    [InlineData("a=ptime:10\r\n", 10, 20)]
    [InlineData("a=ptime:30\r\n", 30, 20)]
    [InlineData("a=ptime:40\r\n", 40, 20)]
    [InlineData("a=ptime:60\r\n", 60, 20)]
    [InlineData("a=ptime:60\r\na=maxptime:120\r\n", 60, 20)]
    [InlineData("a=maxptime:20\r\n", 20, 20)]
    [InlineData("a=maxptime:10\r\n", 20, 10)]
    [InlineData("a=ptime:10\r\na=maxptime:10\r\n", 10, 10)]
    [InlineData("a=maxptime:15\r\n", 20, 10)]
    [InlineData("a=maxptime:5\r\n", 20, 10)]
    [InlineData("a=maxptime:0\r\n", 20, 20)]
    [InlineData("a=maxptime:abc\r\n", 20, 20)]
    [InlineData("a=ptime:0\r\n", 20, 20)]
    [InlineData("a=ptime:1000\r\n", 20, 20)]
    public void CreateAnswer_PeerPtime_AnswerSays20AndSendPtimeHonoursMaxptime(string attributes, int peerPtime, int sendPtime)
    {
        var result = OfferAnswer.CreateAnswer(Offer(attributes), Local);
        Assert.True(result.IsAccepted, result.Reason);
        Assert.Equal((peerPtime, sendPtime), (result.Media!.Ptime, result.Media.SendPtime));
        var audio = result.LocalDescription!.Media[0];
        Assert.Equal(20.0, audio.Ptime);
        Assert.Null(audio.MaxPtime);
        var text = Encoding.ASCII.GetString(SdpWriter.Write(result.LocalDescription));
        Assert.Contains("a=ptime:20\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessAnswer_AnswerWithMaxptime10_SendPtime10()
    {
        var offer = OfferAnswer.CreateOffer(Local);
        Assert.Contains("a=ptime:20\r\n", Encoding.ASCII.GetString(SdpWriter.Write(offer)), StringComparison.Ordinal);
        var answer = Encoding.ASCII.GetBytes(
            "v=0\r\no=peer 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 30000 RTP/AVP 8\r\na=ptime:10\r\na=maxptime:10\r\n");
        var result = OfferAnswer.ProcessAnswer(offer, answer);
        Assert.True(result.IsAccepted, result.Reason);
        Assert.Equal((10, 10), (result.Media!.Ptime, result.Media.SendPtime));
    }

    [Fact]
    public void MaxPtime_Fraction_Kept()
    {
        var parsed = SdpParser.Parse(Offer("a=maxptime:12.5\r\n"));
        Assert.Equal(12.5, parsed.Description!.Media[0].MaxPtime);
    }
}
