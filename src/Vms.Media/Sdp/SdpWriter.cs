using System.Globalization;
using System.Text;

namespace Vms.Media.Sdp;

/// <summary>Writes a session description with CRLF line ends, in the order RFC 4566 §5 prescribes.</summary>
public static class SdpWriter
{
    private const string SessionOrderBeforeC = "iuep";
    private const string SessionOrderAfterC = "b";
    private const string SessionOrderAfterT = "rzk";

    /// <summary>Serialises <paramref name="sdp"/> to UTF-8 bytes.</summary>
    public static byte[] Write(SessionDescription sdp) => Encoding.UTF8.GetBytes(WriteString(sdp));

    /// <summary>Serialises <paramref name="sdp"/> to text.</summary>
    public static string WriteString(SessionDescription sdp)
    {
        var sb = new StringBuilder(512);
        Line(sb, "v=0");
        Line(sb, "o=" + sdp.Origin);
        Line(sb, "s=" + sdp.SessionName);
        foreach (var l in sdp.OtherLines.Where(l => SessionOrderBeforeC.Contains(l[0], StringComparison.Ordinal)))
        {
            Line(sb, l);
        }

        if (sdp.Connection is not null)
        {
            Line(sb, "c=" + sdp.Connection);
        }

        foreach (var l in sdp.OtherLines.Where(l => SessionOrderAfterC.Contains(l[0], StringComparison.Ordinal)))
        {
            Line(sb, l);
        }

        foreach (var t in sdp.Timing.Count == 0 ? ["0 0"] : sdp.Timing)
        {
            Line(sb, "t=" + t);
        }

        foreach (var l in sdp.OtherLines.Where(l => SessionOrderAfterT.Contains(l[0], StringComparison.Ordinal)))
        {
            Line(sb, l);
        }

        foreach (var a in sdp.Attributes)
        {
            Line(sb, "a=" + a);
        }

        foreach (var m in sdp.Media)
        {
            var port = m.PortCount is { } n ? string.Create(CultureInfo.InvariantCulture, $"{m.Port}/{n}") : m.Port.ToString(CultureInfo.InvariantCulture);
            Line(sb, $"m={m.Media} {port} {m.Protocol}{(m.Formats.Count > 0 ? " " : string.Empty)}{string.Join(' ', m.Formats)}");
            foreach (var l in m.OtherLines.Where(l => l[0] == 'i'))
            {
                Line(sb, l);
            }

            if (m.Connection is not null)
            {
                Line(sb, "c=" + m.Connection);
            }

            foreach (var l in m.OtherLines.Where(l => l[0] != 'i'))
            {
                Line(sb, l);
            }

            foreach (var a in m.Attributes)
            {
                Line(sb, "a=" + a);
            }
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string line) => sb.Append(line).Append("\r\n");
}
