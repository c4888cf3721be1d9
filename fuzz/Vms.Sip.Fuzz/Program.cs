using SharpFuzz;
using Vms.Sip.Messages;

namespace Vms.Sip.Fuzz;

/// <summary>AFL++ entry point: every input is parsed as a datagram and as a stream, then every typed view is read.</summary>
public static class Program
{
    public static void Main()
    {
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var data = copy.ToArray();
            Exercise(data, isStream: false);
            Exercise(data, isStream: true);
        });
    }

    private static void Exercise(byte[] data, bool isStream)
    {
        var result = SipParser.Parse(data.AsMemory(), isStream);
        if (result.Message is not { } m)
        {
            return;
        }

        _ = m.Via;
        _ = m.Vias;
        _ = m.From;
        _ = m.To;
        _ = m.CSeq;
        _ = m.CallId;
        _ = m.Contacts;
        _ = m.Routes;
        _ = m.RecordRoutes;
        _ = m.ContentType;
        _ = m.Reasons;
        _ = m.Privacy;
        _ = (m as SipRequest)?.RequestUri;
        var again = SipParser.Parse(m.ToBytes().AsMemory(), isStream: true);
        if (result.Status == SipParseStatus.Complete && again.Status != SipParseStatus.Complete)
        {
            throw new InvalidOperationException("Serialized form of a valid message does not parse: " + again.Reason);
        }
    }
}
