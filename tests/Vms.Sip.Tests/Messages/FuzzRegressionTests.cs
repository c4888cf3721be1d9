using System.Text;
using Vms.Sip.Messages;

namespace Vms.Sip.Tests.Messages;

/// <summary>
/// Inputs found by AFL++ with fuzz/Vms.Sip.Fuzz (see fuzz/README.md), reduced by hand, plus the original finds.
/// The harness's rules: the parser never throws, and a message it accepts serializes to bytes it accepts again.
/// </summary>
public sealed class FuzzRegressionTests
{
    private const string Headers = "Via: SIP/2.0/UDP h:5060;branch=z9hG4bK1\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n";

    /// <summary>AFL++ finds: a folded header that is only white space; a NUL on a folded continuation line.</summary>
    public static TheoryData<string, string> Finds() => new()
    {
        {
            "folded header of only white space (ArgumentException in Unfold)",
            "5245474953544552207369703a5b323030313a6462383a3a31305d205349502f322e300d0a546f3a207369703a7573653d2e302f554450205b3230013a315d39706462383a3a31305d205349502f322e300d0a546f3a200a200a766774683a20300d0a0d0a"
        },
        {
            "NUL on a continuation line (accepted, then refused after serialization)",
            "5245474953544552207369703a5b323030313a6462383a3a31305d205349502f322e300d0a546f3a207369703a75736572406578616d706c652e636f6d0d0a46726f6d3a207369703a75736572406578616d706c652e636f6d3b7461673d383178320d0a2069613a205349502f322e302f554450205b323030313a6462383a3a393a315d3b6272616e63683d7a39684734624b6173332d313180000000616c6c2d49443a2053534730300d0a4d61782d466f7277617264733a2037300d0a436f6e746163743a202243616c6c657222203c7369703a63616c6c6572405b323030313a6462383a3a315d3e0d0a435365713a2039383137362052454749535445520d0a436f6e74656e742d4c656e6774683a20300d0a0d0a"
        },
    };

    [Theory]
    [MemberData(nameof(Finds))]
    public void Parse_AflFind_NoThrowAndRoundTrips(string name, string hex)
    {
        var data = Convert.FromHexString(hex);
        foreach (var isStream in new[] { false, true })
        {
            var result = SipParser.Parse(data.AsSpan(), isStream);
            if (result.Status == SipParseStatus.Complete)
            {
                var again = SipParser.Parse(result.Message!.ToBytes().AsSpan(), isStream: true);
                Assert.True(again.Status == SipParseStatus.Complete, $"{name}: serialized form refused: {again.Reason}");
            }
        }
    }

    [Theory]
    [InlineData("X-To: \n \n")]
    [InlineData("X-Empty:\r\n \r\n\t\r\n")]
    [InlineData("X-Empty: \r\n  \r\n")]
    public void Parse_FoldedHeaderOfOnlyWhiteSpace_EmptyValueNotException(string header)
    {
        var text = "INVITE sip:a@b SIP/2.0\r\n" + Headers + header + "Content-Length: 0\r\n\r\n";
        var result = SipParser.Parse(Encoding.ASCII.GetBytes(text).AsSpan());
        Assert.NotNull(result.Message);
        var name = header[..header.IndexOf(':', StringComparison.Ordinal)];
        Assert.Contains(result.Message.Headers, h => Encoding.ASCII.GetString(h.Name.Span) == name && h.Value.IsEmpty);
    }

    [Theory]
    [InlineData("X-A: a\r\n b\0c\r\n")]
    [InlineData("X-A: a\r\n\t\0\r\n")]
    public void Parse_NulOnFoldedContinuationLine_Malformed(string header)
    {
        var text = "INVITE sip:a@b SIP/2.0\r\n" + Headers + header + "Content-Length: 0\r\n\r\n";
        var result = SipParser.Parse(Encoding.ASCII.GetBytes(text).AsSpan());
        Assert.Equal(SipParseStatus.Malformed, result.Status);
        Assert.Contains("NUL", result.Reason, StringComparison.Ordinal);
    }
}
