using System.Globalization;
using System.Net;
using System.Text;

namespace Vms.Calls.Benchmarks;

/// <summary>The little SDP the benchmark needs: a PCMA offer/answer and the media address of the other side.</summary>
internal static class Sdp
{
    public static byte[] Audio(IPAddress address, int port) => Encoding.ASCII.GetBytes(
        "v=0\r\n" +
        $"o=- {port} 1 IN IP4 {address}\r\n" +
        "s=-\r\n" +
        $"c=IN IP4 {address}\r\n" +
        "t=0 0\r\n" +
        $"m=audio {port} RTP/AVP 8\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n");

    /// <summary>The connection address and audio port of a description, or null.</summary>
    public static IPEndPoint? MediaOf(ReadOnlySpan<byte> body)
    {
        var text = Encoding.ASCII.GetString(body);
        IPAddress? address = null;
        var port = -1;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("c=IN IP4 ", StringComparison.Ordinal) && IPAddress.TryParse(line.AsSpan(9).Trim(), out var a))
            {
                address ??= a;
            }
            else if (line.StartsWith("m=audio ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                port = int.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        return address is not null && port > 0 ? new IPEndPoint(address, port) : null;
    }
}
