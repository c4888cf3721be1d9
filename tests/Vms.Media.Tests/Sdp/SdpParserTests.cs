using System.Text;
using Vms.Media.Sdp;
using Vms.Media.Tests.TestSupport;

namespace Vms.Media.Tests.Sdp;

[Trait("rfc", "4566")]
public class SdpParserTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(TestData.Path("sdp", "sdp-transform"), "*.sdp").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Parse_SdpTransformCorpus_ParsesAndRoundTrips(string file)
    {
        var bytes = TestData.Read("sdp", "sdp-transform", file);
        var first = SdpParser.Parse(bytes);
        Assert.True(first.IsSuccess, first.Error);
        var text = SdpWriter.WriteString(first.Description!);
        var second = SdpParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.True(second.IsSuccess, second.Error);
        Assert.Equal(text, SdpWriter.WriteString(second.Description!));
        Assert.Equal(first.Description!.Media.Count, second.Description!.Media.Count);
        Assert.Equal(CountLines(bytes, "m="), first.Description.Media.Count);
    }

    [Fact]
    public void Parse_Rfc4566Section5Example_ReadsEveryField()
    {
        var sdp = Parse(TestData.Read("sdp", "rfc4566-section5-example.sdp"));
        Assert.Equal(new SdpOrigin("jdoe", "2890844526", "2890842807", "IN", "IP4", "10.47.16.5"), sdp.Origin);
        Assert.Equal("SDP Seminar", sdp.SessionName);
        Assert.Equal("224.2.17.12/127", sdp.Connection!.Address);
        Assert.Equal("224.2.17.12", sdp.Connection.IpAddress!.ToString());
        Assert.Equal(["2873397496 2873404696"], sdp.Timing);
        Assert.Equal(MediaDirection.RecvOnly, sdp.Direction);
        Assert.Equal(2, sdp.Media.Count);
        Assert.Equal(("audio", 49170, "RTP/AVP"), (sdp.Media[0].Media, sdp.Media[0].Port, sdp.Media[0].Protocol));
        Assert.Equal(["0"], sdp.Media[0].Formats);
        Assert.Equal(("h263-1998", 90000), sdp.Media[1].GetRtpMap("99"));
    }

    [Fact]
    public void Parse_NormalSdp_ReadsOriginConnectionAndCodecs()
    {
        var sdp = Parse(TestData.Read("sdp", "sdp-transform", "normal.sdp"));
        Assert.Equal(("-", "20518", "0", "203.0.113.1"), (sdp.Origin.Username, sdp.Origin.SessionId, sdp.Origin.SessionVersion, sdp.Origin.Address));
        Assert.Equal("203.0.113.1", sdp.Connection!.Address);
        var audio = sdp.Media[0];
        Assert.Equal((54400, "RTP/SAVPF"), (audio.Port, audio.Protocol));
        Assert.Equal(MediaDirection.SendRecv, sdp.DirectionFor(audio));
        Assert.Equal(("PCMU", 8000), audio.GetRtpMap("0"));
        Assert.Equal(("opus", 48000), audio.GetRtpMap("96"));
        Assert.Equal(4, audio.Attributes.Count(a => a.Name == "candidate"));
    }

    [Fact]
    public void Parse_InvalidSdp_DropsUnknownLineKeepsUnknownAttribute()
    {
        var sdp = Parse(TestData.Read("sdp", "sdp-transform", "invalid.sdp"));
        var audio = Assert.Single(sdp.Media);
        Assert.Equal("1 IN IP7 X", audio.GetAttribute("rtcp"));
        Assert.Equal("hithere", audio.GetAttribute("goo"));
        Assert.Empty(audio.OtherLines);
        Assert.Null(audio.Connection!.IpAddress is { } ip && ip.ToString() != "0.0.0.0" ? ip : null);
    }

    [Fact]
    public void Parse_HackySdp_KeepsHugeSessionIdAndFractionalPtime()
    {
        var sdp = Parse(TestData.Read("sdp", "sdp-transform", "hacky.sdp"));
        Assert.Equal("3710604898417546434", sdp.Origin.SessionId);
        var audio = sdp.Media[0];
        Assert.Equal(0.125, audio.Ptime);
        Assert.Equal("60", audio.GetAttribute("maxptime"));
        Assert.Equal(("telephone-event", 8000), audio.GetRtpMap("126"));
        Assert.Equal("12312", sdp.Media[1].GetAttribute("rtcp"));
    }

    [Theory]
    [InlineData("ipv6-in-sdp.dat")]
    [InlineData("mult-ip-in-sdp.dat")]
    [InlineData("ipv4-mapped-ipv6.dat")]
    public void Parse_Rfc5118SdpBodies_Parse(string file)
    {
        var message = TestData.Read("rfc5118", "wire", file);
        var body = message.AsSpan(message.AsSpan().IndexOf("\r\n\r\n"u8) + 4);
        var result = SdpParser.Parse(body);
        Assert.True(result.IsSuccess, result.Error);
        Assert.NotEmpty(result.Description!.Media);
    }

    [Fact]
    public void Parse_Rfc5118Ipv6InSdp_ConnectionIsIpv6()
    {
        var message = TestData.Read("rfc5118", "wire", "ipv6-in-sdp.dat");
        var sdp = Parse(message.AsSpan(message.AsSpan().IndexOf("\r\n\r\n"u8) + 4).ToArray());
        var c = sdp.ConnectionFor(sdp.Media[0])!;
        Assert.Equal("IP6", c.AddressType);
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetworkV6, c.IpAddress!.AddressFamily);
    }

    [Theory]
    [InlineData("", "empty body")]
    [InlineData("hello", "first line is not v=0")]
    [InlineData("v=1\r\n", "first line is not v=0")]
    [InlineData("v=0\r\ns=x\r\n", "missing o= line")]
    [InlineData("v=0\r\no=a b\r\n", "malformed o= line")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN\r\n", "malformed c= line")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio x RTP/AVP 0\r\n", "malformed m= line")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 70000 RTP/AVP 0\r\n", "malformed m= line")]
    public void Parse_BadInput_RefusedWithReason(string text, string reason)
    {
        var result = SdpParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.False(result.IsSuccess);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8_RefusedWithReason()
    {
        var result = SdpParser.Parse([.. "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns="u8, 0xFF, 0xFE, (byte)'\r', (byte)'\n']);
        Assert.Contains("UTF-8", result.Error, StringComparison.Ordinal);
    }

    private static SessionDescription Parse(byte[] bytes)
    {
        var result = SdpParser.Parse(bytes);
        Assert.True(result.IsSuccess, result.Error);
        return result.Description!;
    }

    private static int CountLines(byte[] bytes, string prefix) =>
        Encoding.UTF8.GetString(bytes).Split('\n').Count(l => l.StartsWith(prefix, StringComparison.Ordinal));
}
