using BenchmarkDotNet.Attributes;
using Vms.Sip.Messages;

namespace Vms.Sip.Benchmarks;

/// <summary>Parse and serialize a ~900-byte INVITE and a 200 OK.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ParserBenchmarks
{
    private readonly ReadOnlyMemory<byte> _invite = SampleMessages.Invite;
    private readonly ReadOnlyMemory<byte> _ok = SampleMessages.Ok;
    private readonly SipMessage _parsedInvite = SipParser.Parse(SampleMessages.Invite.AsMemory()).Message!;
    private readonly SipMessage _parsedOk = SipParser.Parse(SampleMessages.Ok.AsMemory()).Message!;

    [Benchmark]
    public SipMessage? ParseInvite() => SipParser.Parse(_invite).Message;

    [Benchmark]
    public SipMessage? ParseOk() => SipParser.Parse(_ok).Message;

    [Benchmark]
    public int ParseInviteAndReadTransactionKeys()
    {
        var m = SipParser.Parse(_invite).Message!;
        return m.Via!.Branch!.Length + m.CSeq!.Value.Method.Length + m.CallId!.Length + (m.From!.Tag?.Length ?? 0);
    }

    [Benchmark]
    public byte[] SerializeInvite() => _parsedInvite.ToBytes();

    [Benchmark]
    public byte[] SerializeOk() => _parsedOk.ToBytes();
}
