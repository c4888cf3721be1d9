using System.Text;
using Vms.Sip.Messages;

namespace Vms.Sip.Tests.Messages;

[Trait("rfc", "3261-7")]
public sealed class SipParserTests
{
    [Fact]
    public void Parse_Invite_ReadsStartLineHeadersAndBody()
    {
        var result = SipParser.Parse(SipMessages.Bytes(SipMessages.Invite).AsSpan());

        Assert.Equal(SipParseStatus.Complete, result.Status);
        var request = Assert.IsType<SipRequest>(result.Message);
        Assert.Equal(SipMethods.Invite, request.Method);
        Assert.Equal("bob", request.RequestUri!.User);
        Assert.Equal("z9hG4bK74bf9", request.Via!.Branch);
        Assert.Equal("9fxced76sl", request.From!.Tag);
        Assert.Equal("Alice", request.From.DisplayName);
        Assert.Null(request.To!.Tag);
        Assert.Equal("3848276298220188511@atlanta.example.com", request.CallId);
        Assert.Equal(new Vms.Sip.Headers.SipCSeq(2, SipMethods.Invite), request.CSeq);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal("application/sdp", request.ContentType!.MediaType);
        Assert.Equal("v=0\r\no=x\r\n", Encoding.ASCII.GetString(request.Body.Span));
    }

    [Fact]
    public void Parse_CompactForms_RecognisedAsFullHeaders()
    {
        const string text = "OPTIONS sip:a@b SIP/2.0\r\nv: SIP/2.0/TCP h;branch=z9hG4bK1\r\nf: <sip:x@y>;tag=1\r\nt: <sip:a@b>\r\n" +
            "i: cid\r\nCSeq: 1 OPTIONS\r\nm: <sip:x@h>\r\nk: timer, 100rel\r\nl: 0\r\n\r\n";

        var request = (SipRequest)SipParser.Parse(Encoding.ASCII.GetBytes(text).AsSpan()).Message!;

        Assert.Equal("TCP", request.Via!.Transport);
        Assert.Equal("cid", request.CallId);
        Assert.Equal("1", request.From!.Tag);
        Assert.Equal(["timer", "100rel"], request.Supported);
        Assert.Equal("x", request.Contact!.Uri.User);
    }

    [Fact]
    public void Parse_FoldedHeader_UnfoldedToOneSpace()
    {
        const string text = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nSubject: I know you're there,\r\n   pick up the phone\r\n\tand talk to me!\r\n" +
            "From: <sip:x@y>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

        var request = SipParser.Parse(Encoding.ASCII.GetBytes(text).AsSpan()).Message!;

        Assert.Equal("I know you're there, pick up the phone and talk to me!", request.Headers.Get("subject"));
    }

    [Fact]
    public void Parse_RepeatedAndCommaSeparatedVia_AllValuesInOrder()
    {
        const string text = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/UDP b;branch=z9hG4bK2\r\nVia: SIP/2.0/UDP c;branch=z9hG4bK3\r\n" +
            "From: <sip:x@y>;tag=1\r\nTo: <sip:a@b>;tag=2\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";

        var response = Assert.IsType<SipResponse>(SipParser.Parse(Encoding.ASCII.GetBytes(text).AsSpan()).Message);

        Assert.Equal(["a", "b", "c"], response.Vias.Select(v => v.Host));
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("OK", response.ReasonPhrase);
    }

    [Fact]
    public void Serialize_UnknownHeader_KeptByteExact()
    {
        var message = SipParser.Parse(SipMessages.Bytes(SipMessages.Invite).AsSpan()).Message!;

        var text = Encoding.UTF8.GetString(message.ToBytes());

        Assert.Contains("X-Custom: keep  me   exactly\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("Content-Length: 10\r\n\r\nv=0\r\no=x\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LfOnlyLineEnds_Accepted()
    {
        var text = SipMessages.Invite.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("Content-Length: 10", "Content-Length: 8", StringComparison.Ordinal);

        var result = SipParser.Parse(Encoding.ASCII.GetBytes(text).AsSpan());

        Assert.Equal(SipParseStatus.Complete, result.Status);
        Assert.Equal(8, result.Message!.Body.Length);
    }

    [Fact]
    public void ParseStream_PartialMessage_NeedMoreData()
    {
        var bytes = SipMessages.Bytes(SipMessages.Invite);

        Assert.Equal(SipParseStatus.NeedMoreData, SipParser.Parse(bytes.AsMemory(0, 100), isStream: true).Status);
        Assert.Equal(SipParseStatus.NeedMoreData, SipParser.Parse(bytes.AsMemory(0, bytes.Length - 1), isStream: true).Status);
    }

    [Fact]
    public void ParseStream_TwoMessagesBackToBack_FramedByContentLength()
    {
        var one = SipMessages.Bytes(SipMessages.Invite);
        var both = one.Concat(one).ToArray();

        var first = SipParser.Parse(both.AsMemory(), isStream: true);
        var second = SipParser.Parse(both.AsMemory(first.Consumed), isStream: true);

        Assert.Equal(one.Length, first.Consumed);
        Assert.Equal(SipParseStatus.Complete, second.Status);
        Assert.Equal(one.Length, second.Consumed);
    }

    [Fact]
    public void ParseStream_NoContentLength_Malformed()
    {
        var text = SipMessages.Invite.Replace("Content-Length: 10\r\n", string.Empty, StringComparison.Ordinal);

        var result = SipParser.Parse(Encoding.ASCII.GetBytes(text).AsMemory(), isStream: true);

        Assert.Equal(SipParseStatus.Malformed, result.Status);
        Assert.Contains("Content-Length", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDatagram_NoContentLength_BodyIsRest()
    {
        var text = SipMessages.Invite.Replace("Content-Length: 10\r\n", string.Empty, StringComparison.Ordinal);

        var result = SipParser.Parse(Encoding.ASCII.GetBytes(text).AsSpan());

        Assert.Equal(SipParseStatus.Complete, result.Status);
        Assert.Equal(10, result.Message!.Body.Length);
    }

    [Fact]
    public void Serialize_BuiltRequest_ParsesBackWithSameMeaning()
    {
        var request = new SipRequest(SipMethods.Invite, Vms.Sip.Uris.SipUri.Parse("sip:bob@[2001:db8::1]:5070;transport=tcp"));
        request.Headers.Add(HeaderKind.Via, "SIP/2.0/TCP [2001:db8::2]:5060;branch=z9hG4bKabc;rport");
        request.Headers.Add(HeaderKind.From, "\"A \\\"quoted\\\" name\" <sip:alice@example.com>;tag=1");
        request.Headers.Add(HeaderKind.To, "<tel:+3225551234>");
        request.Headers.Add(HeaderKind.CallId, "x@y");
        request.Headers.Add(HeaderKind.CSeq, "7 INVITE");
        request.Body = "hello"u8.ToArray();

        var again = (SipRequest)SipParser.Parse(request.ToBytes().AsSpan(), isStream: true).Message!;

        Assert.Equal(request.RequestUri, again.RequestUri);
        Assert.Equal("2001:db8::2", again.Via!.Host);
        Assert.Equal("A \"quoted\" name", again.From!.DisplayName);
        Assert.Equal("+3225551234", again.To!.Uri.User);
        Assert.Equal("hello"u8.ToArray(), again.Body.ToArray());
        Assert.Equal(5, again.ContentLength);
    }
}
