using System.Text;
using CsCheck;
using Vms.Sip.Messages;

namespace Vms.Sip.Tests.Messages;

/// <summary>Bounded generated-input runs: no exception, no hang, and parse→serialize→parse keeps meaning.</summary>
public sealed class ParserPropertyTests
{
    private static readonly byte[] Seed = SipMessages.Bytes(SipMessages.Invite);

    [Fact]
    public void Parse_RandomBytes_NeverThrows() =>
        Gen.Byte.Array[0, 600].Sample(bytes => Exercise(bytes), iter: 3000, threads: 1);

    [Fact]
    public void Parse_MutatedInvite_NeverThrows() =>
        Gen.Select(Gen.Int[0, Seed.Length - 1].Array[1, 8], Gen.Byte.Array[8], Gen.Int[0, Seed.Length])
            .Sample((positions, values, cut) =>
            {
                var bytes = Seed.ToArray();
                for (var i = 0; i < positions.Length; i++)
                {
                    bytes[positions[i]] = values[i];
                }

                Exercise(bytes.AsSpan(0, cut).ToArray());
            }, iter: 3000, threads: 1);

    [Fact]
    public void Parse_StreamOfChunks_SameAsWhole() =>
        Gen.Int[1, Seed.Length].Sample(cut =>
        {
            var partial = SipParser.Parse(Seed.AsMemory(0, cut), isStream: true);
            return cut == Seed.Length ? partial.Status == SipParseStatus.Complete : partial.Status == SipParseStatus.NeedMoreData;
        }, iter: 500, threads: 1);

    [Fact]
    public void RoundTrip_GeneratedMessages_KeepMeaning()
    {
        var token = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-.!%*_+`'~"].Array[1, 12].Select(c => new string(c));
        var value = Gen.Char[" abcdefghijklmnopqrstuvwxyzABC0123456789-.!%*_+`'~;=,\"<>@:/"].Array[0, 40].Select(c => new string(c).Trim());
        var headers = Gen.Select(token, value).Array[0, 10];
        Gen.Select(token, token, headers, Gen.Byte.Array[0, 200], Gen.Int[0, 2])
            .Sample((method, user, extra, body, kind) =>
            {
                var sb = new StringBuilder();
                sb.Append(kind == 0 ? "SIP/2.0 180 Ringing here\r\n" : method.ToUpperInvariant() + " sip:" + user + "@example.com;transport=udp SIP/2.0\r\n");
                sb.Append("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK").Append(user).Append("\r\n");
                sb.Append("Call-ID: ").Append(user).Append("\r\n");
                foreach (var (name, v) in extra)
                {
                    sb.Append("X-").Append(name).Append(": ").Append(v).Append("\r\n");
                }

                sb.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
                var bytes = Encoding.ASCII.GetBytes(sb.ToString()).Concat(body).ToArray();
                var first = SipParser.Parse(bytes.AsMemory(), isStream: true);
                Assert.Equal(SipParseStatus.Complete, first.Status);
                var second = SipParser.Parse(first.Message!.ToBytes().AsMemory(), isStream: true);
                Assert.Equal(SipParseStatus.Complete, second.Status);
                Assert.Equal(first.Message.Headers.Count, second.Message!.Headers.Count);
                for (var i = 0; i < first.Message.Headers.Count; i++)
                {
                    Assert.Equal(first.Message.Headers[i].ValueText, second.Message.Headers[i].ValueText);
                    Assert.Equal(first.Message.Headers[i].Kind, second.Message.Headers[i].Kind);
                }

                Assert.Equal(body, second.Message.Body.ToArray());
                Assert.Equal(first.Message.ToString(), second.Message.ToString());
            }, iter: 1000, threads: 1);
    }

    private static void Exercise(byte[] bytes)
    {
        foreach (var stream in new[] { false, true })
        {
            var result = SipParser.Parse(bytes.AsMemory(), stream);
            if (result.Message is { } m)
            {
                _ = m.Via;
                _ = m.From;
                _ = m.To;
                _ = m.CSeq;
                _ = m.Contacts;
                _ = m.Vias;
                _ = m.ContentType;
                _ = m.ToBytes();
                _ = (m as SipRequest)?.RequestUri;
            }
        }
    }
}
