using System.Text;
using Vms.Sip.Messages;

namespace Vms.Sip.Tests.Messages;

/// <summary>A corpus of broken inputs with the expected outcome of each.</summary>
public sealed class MalformedCorpusTests
{
    private const string Headers = "Via: SIP/2.0/UDP h:5060;branch=z9hG4bK1\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n";

    public static TheoryData<string, string, SipParseStatus, string?> Corpus() => new()
    {
        { "truncated start line", "INVITE sip:a@b", SipParseStatus.Malformed, "missing empty line" },
        { "no headers end", "INVITE sip:a@b SIP/2.0\r\n" + Headers, SipParseStatus.Malformed, "missing empty line" },
        { "bad Content-Length", "INVITE sip:a@b SIP/2.0\r\n" + Headers + "Content-Length: abc\r\n\r\n", SipParseStatus.Malformed, "bad Content-Length" },
        { "negative Content-Length", "INVITE sip:a@b SIP/2.0\r\n" + Headers + "Content-Length: -1\r\n\r\n", SipParseStatus.Malformed, "bad Content-Length" },
        { "conflicting Content-Length", "INVITE sip:a@b SIP/2.0\r\n" + Headers + "Content-Length: 1\r\nl: 2\r\n\r\nxx", SipParseStatus.Malformed, "bad Content-Length" },
        { "Content-Length beyond datagram", "INVITE sip:a@b SIP/2.0\r\n" + Headers + "Content-Length: 500\r\n\r\nv=0", SipParseStatus.Malformed, "larger than datagram" },
        { "NUL in header", "INVITE sip:a@b SIP/2.0\r\n" + Headers + "X-A: a\0b\r\n\r\n", SipParseStatus.Malformed, "NUL" },
        { "NUL in start line", "INVITE sip:a\0@b SIP/2.0\r\n" + Headers + "\r\n", SipParseStatus.Malformed, "NUL" },
        { "header without colon", "INVITE sip:a@b SIP/2.0\r\n" + Headers + "Garbage line\r\n\r\n", SipParseStatus.Malformed, "colon" },
        { "space in header name", "INVITE sip:a@b SIP/2.0\r\n" + Headers + "Bad Name: x\r\n\r\n", SipParseStatus.Malformed, "header name" },
        { "continuation first", "INVITE sip:a@b SIP/2.0\r\n continued: x\r\n" + Headers + "\r\n", SipParseStatus.Malformed, "continuation" },
        { "wrong version", "INVITE sip:a@b SIP/7.0\r\n" + Headers + "\r\n", SipParseStatus.Malformed, "version" },
        { "HTTP request", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", SipParseStatus.Malformed, "version" },
        { "status code 2 digits", "SIP/2.0 20 OK\r\n" + Headers + "\r\n", SipParseStatus.Malformed, "status" },
        { "status code 999", "SIP/2.0 999 Huh\r\n" + Headers + "\r\n", SipParseStatus.Malformed, "range" },
        { "response wrong version", "SIP/3.0 200 OK\r\n" + Headers + "\r\n", SipParseStatus.Malformed, "version" },
        { "method with slash", "INV/ITE sip:a@b SIP/2.0\r\n" + Headers + "\r\n", SipParseStatus.Malformed, "method" },
        { "request line two tokens", "INVITE SIP/2.0\r\n" + Headers + "\r\n", SipParseStatus.Malformed, "request line" },
        { "unknown method is fine", "FOOBAR sip:a@b SIP/2.0\r\n" + Headers.Replace("1 INVITE", "1 FOOBAR", StringComparison.Ordinal) + "\r\n", SipParseStatus.Complete, null },
        { "empty", "", SipParseStatus.Malformed, "missing empty line" },
        { "only CRLF", "\r\n\r\n", SipParseStatus.Malformed, "missing empty line" },
        { "IPv6 request URI", "OPTIONS sip:[2001:db8::1]:5060 SIP/2.0\r\n" + Headers.Replace("INVITE", "OPTIONS", StringComparison.Ordinal) + "\r\n", SipParseStatus.Complete, null },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Parse_CorpusEntry_ExpectedOutcome(string name, string text, SipParseStatus expected, string? reason)
    {
        var result = SipParser.Parse(Encoding.UTF8.GetBytes(text).AsSpan());

        Assert.True(expected == result.Status, name + ": " + result);
        if (reason is not null)
        {
            Assert.Contains(reason, result.Reason, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Parse_HugeHeaderLine_MalformedByLimit()
    {
        var text = "INVITE sip:a@b SIP/2.0\r\n" + Headers + "X-Big: " + new string('a', 10000) + "\r\n\r\n";

        var result = SipParser.Parse(Encoding.ASCII.GetBytes(text).AsSpan());

        Assert.Equal(SipParseStatus.Malformed, result.Status);
        Assert.Contains("too long", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyHeaders_MalformedByLimit()
    {
        var text = "INVITE sip:a@b SIP/2.0\r\n" + Headers + string.Concat(Enumerable.Repeat("X-A: 1\r\n", 200)) + "\r\n";

        var result = SipParser.Parse(Encoding.ASCII.GetBytes(text).AsSpan());

        Assert.Equal("too many headers", result.Reason);
    }

    [Fact]
    public void Parse_MessageOver64KiB_Malformed()
    {
        var body = new string('x', 70000);
        var text = "INVITE sip:a@b SIP/2.0\r\n" + Headers + "Content-Length: 70000\r\n\r\n" + body;

        var result = SipParser.Parse(Encoding.ASCII.GetBytes(text).AsSpan());

        Assert.Equal(SipParseStatus.Malformed, result.Status);
    }

    [Fact]
    public void Parse_WrongVersionRequest_FlagsVersionAndKeepsHeadersFor505()
    {
        var result = SipParser.Parse(Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/7.0\r\n" + Headers + "\r\n").AsSpan());

        Assert.True(result.IsVersionNotSupported);
        Assert.Equal("c", result.Message!.CallId);
    }
}
