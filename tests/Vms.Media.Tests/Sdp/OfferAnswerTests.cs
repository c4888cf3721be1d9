using System.Net;
using System.Text;
using Vms.Media.Codecs;
using Vms.Media.Sdp;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Sdp;

[Trait("rfc", "3264")]
public class OfferAnswerTests
{
    private static readonly SdpLocalMedia Local = new(IPAddress.Loopback, 20000, [G711Law.Alaw, G711Law.Ulaw]);

    private static string Offer(string formats, string extra = "", string c = "IN IP4 192.0.2.10") =>
        $"v=0\r\no=peer 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc={c}\r\nt=0 0\r\nm=audio 30000 RTP/AVP {formats}\r\n{extra}";

    [Fact]
    public void CreateAnswer_BothG711Offered_PicksOurPreferenceNotTheirs()
    {
        var result = OfferAnswer.CreateAnswer(Encoding.ASCII.GetBytes(Offer("0 8 101", "a=rtpmap:101 telephone-event/8000\r\n")), Local);
        Assert.True(result.IsAccepted, result.Reason);
        Assert.Equal(G711Law.Alaw, result.Media!.Codec);
        Assert.Equal(8, result.Media.PayloadType);
        Assert.Equal((byte?)101, result.Media.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 30000), result.Media.RemoteRtp);
        Assert.Equal(30001, result.Media.RemoteRtcp!.Port);
        var answer = result.LocalDescription!;
        Assert.Equal(["8", "101"], answer.Media[0].Formats);
        Assert.Equal(20000, answer.Media[0].Port);
    }

    [Fact]
    public void CreateAnswer_OnlyOpusAndG729_NoCommonCodec()
    {
        var result = OfferAnswer.CreateAnswer(Encoding.ASCII.GetBytes(Offer("96 18", "a=rtpmap:96 opus/48000/2\r\n")), Local);
        Assert.Equal(NegotiationStatus.NoCommonCodec, result.Status);
        Assert.Contains("96 18", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateAnswer_DynamicPcmuPayloadType_UsesTheirNumber()
    {
        var result = OfferAnswer.CreateAnswer(Encoding.ASCII.GetBytes(Offer("112", "a=rtpmap:112 pcmu/8000\r\n")), Local);
        Assert.Equal((G711Law.Ulaw, (byte)112), (result.Media!.Codec, result.Media.PayloadType));
    }

    [Theory]
    [InlineData("sendonly", MediaDirection.RecvOnly)]
    [InlineData("recvonly", MediaDirection.SendOnly)]
    [InlineData("inactive", MediaDirection.Inactive)]
    [InlineData("sendrecv", MediaDirection.SendRecv)]
    public void CreateAnswer_HoldDirections_AnswerMirrors(string offered, MediaDirection expected)
    {
        var result = OfferAnswer.CreateAnswer(Encoding.ASCII.GetBytes(Offer("0", $"a={offered}\r\n")), Local);
        Assert.Equal(expected, result.Media!.Direction);
        Assert.Contains(result.LocalDescription!.Media[0].Attributes, a => string.Equals(a.Name, expected.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void CreateAnswer_Rfc2543HoldAddress_NoRemoteEndpoint()
    {
        var result = OfferAnswer.CreateAnswer(Encoding.ASCII.GetBytes(Offer("0", c: "IN IP4 0.0.0.0")), Local);
        Assert.True(result.IsAccepted);
        Assert.Null(result.Media!.RemoteRtp);
        Assert.False(result.Media.CanSend);
    }

    [Fact]
    public void CreateAnswer_Ipv6Offer_RemoteIsIpv6()
    {
        var result = OfferAnswer.CreateAnswer(Encoding.ASCII.GetBytes(Offer("0", c: "IN IP6 2001:db8::10")), Local with { Address = IPAddress.IPv6Loopback });
        Assert.Equal(IPAddress.Parse("2001:db8::10"), result.Media!.RemoteRtp!.Address);
        Assert.Equal("IP6", result.LocalDescription!.Connection!.AddressType);
    }

    [Fact]
    public void CreateAnswer_VideoAndSecondAudio_RefusedWithPortZero()
    {
        var offer = Offer("0") + "m=video 30002 RTP/AVP 31\r\nm=audio 30004 RTP/AVP 0\r\n";
        var result = OfferAnswer.CreateAnswer(Encoding.ASCII.GetBytes(offer), Local);
        var media = result.LocalDescription!.Media;
        Assert.Equal([20000, 0, 0], media.Select(m => m.Port));
        Assert.Equal(["31"], media[1].Formats);
    }

    [Fact]
    public void CreateAnswer_T38TcpOffer_NoAudioStream()
    {
        var result = OfferAnswer.CreateAnswer(TestData.Read("sdp", "sdp-transform", "tcp-active.sdp"), Local);
        Assert.Equal(NegotiationStatus.NoAudioStream, result.Status);
    }

    [Fact]
    public void CreateAnswer_AudioWithPortZero_NoAudioStream()
    {
        var result = OfferAnswer.CreateAnswer(Encoding.ASCII.GetBytes(Offer("0").Replace("30000", "0", StringComparison.Ordinal)), Local);
        Assert.Equal(NegotiationStatus.NoAudioStream, result.Status);
    }

    [Fact]
    public void CreateAnswer_GarbageBody_Malformed()
    {
        Assert.Equal(NegotiationStatus.Malformed, OfferAnswer.CreateAnswer("garbage"u8, Local).Status);
    }

    [Fact]
    public void CreateOffer_ThenProcessAnswer_NegotiatesAnswerersChoice()
    {
        var offer = OfferAnswer.CreateOffer(Local with { Direction = MediaDirection.SendOnly });
        var text = SdpWriter.WriteString(offer);
        Assert.Contains("m=audio 20000 RTP/AVP 8 0 101\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=sendonly\r\n", text, StringComparison.Ordinal);
        var answer = Offer("0 101", "a=rtpmap:101 telephone-event/8000\r\na=recvonly\r\n");
        var result = OfferAnswer.ProcessAnswer(offer, Encoding.ASCII.GetBytes(answer));
        Assert.True(result.IsAccepted, result.Reason);
        Assert.Equal((G711Law.Ulaw, MediaDirection.SendOnly), (result.Media!.Codec, result.Media.Direction));
    }

    [Fact]
    public void ProcessAnswer_CodecNotOffered_AnswerNotInOffer()
    {
        var offer = OfferAnswer.CreateOffer(Local with { Codecs = [G711Law.Alaw] });
        var result = OfferAnswer.ProcessAnswer(offer, Encoding.ASCII.GetBytes(Offer("0")));
        Assert.Equal(NegotiationStatus.AnswerNotInOffer, result.Status);
    }

    [Theory]
    [MemberData(nameof(SdpParserTests.CorpusFiles), MemberType = typeof(SdpParserTests))]
    public void CreateAnswer_EveryCorpusFile_AnswersOrRefusesWithStatus(string file)
    {
        var result = OfferAnswer.CreateAnswer(TestData.Read("sdp", "sdp-transform", file), Local);
        Assert.True(result.IsAccepted || result.Reason is not null);
    }
}
