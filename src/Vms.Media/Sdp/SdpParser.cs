using System.Globalization;
using System.Text;

namespace Vms.Media.Sdp;

/// <summary>
/// Parses SDP (RFC 4566) from bytes. Lines may end in CRLF or LF alone (§5). Unknown line types and
/// attributes are tolerated; what makes a description unusable (no <c>v=0</c> first, a malformed
/// <c>o=</c>, <c>c=</c> or <c>m=</c> line) refuses it with a reason. Never throws.
/// </summary>
public static class SdpParser
{
    /// <summary>Largest body accepted.</summary>
    public const int MaxLength = 64 * 1024;

    private const string KnownSessionTypes = "vosicpebzkatrum";

    // Throws on invalid bytes (reported as a parse failure); one shared instance, it is thread-safe.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses one session description.</summary>
    public static SdpParseResult Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return SdpParseResult.Fail("empty body");
        }

        if (body.Length > MaxLength)
        {
            return SdpParseResult.Fail($"body of {body.Length} bytes exceeds {MaxLength}");
        }

        SdpOrigin? origin = null;
        string? sessionName = null;
        SdpConnection? connection = null;
        var timing = new List<string>();
        var attributes = new List<SdpAttributeLine>();
        var other = new List<string>();
        var media = new List<MediaDescription>();
        MediaBuilder? current = null;
        var lineNumber = 0;

        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            lineNumber++;
            if (line.IsEmpty)
            {
                continue;
            }

            if (lineNumber == 1 && !line.SequenceEqual("v=0"u8))
            {
                return SdpParseResult.Fail("first line is not v=0");
            }

            if (line.Length < 2 || line[1] != (byte)'=' || line[0] is < (byte)'a' or > (byte)'z')
            {
                continue; // not a type=value line: ignored, as RFC 4566 parsers commonly do
            }

            var type = (char)line[0];
            if (KnownSessionTypes.IndexOf(type, StringComparison.Ordinal) < 0)
            {
                continue; // unknown type letter (e.g. f=): ignored
            }

            string value;
            try
            {
                value = StrictUtf8.GetString(line[2..]);
            }
            catch (DecoderFallbackException)
            {
                return SdpParseResult.Fail($"line {lineNumber} is not valid UTF-8");
            }

            switch (type)
            {
                case 'v':
                    if (lineNumber != 1)
                    {
                        return SdpParseResult.Fail($"line {lineNumber}: v= may only be the first line");
                    }

                    break;
                case 'o' when current is null:
                    origin = ParseOrigin(value);
                    if (origin is null)
                    {
                        return SdpParseResult.Fail($"line {lineNumber}: malformed o= line '{value}'");
                    }

                    break;
                case 's' when current is null:
                    sessionName = value;
                    break;
                case 't' when current is null:
                    timing.Add(value);
                    break;
                case 'c':
                    var c = ParseConnection(value);
                    if (c is null)
                    {
                        return SdpParseResult.Fail($"line {lineNumber}: malformed c= line '{value}'");
                    }

                    if (current is null)
                    {
                        connection = c;
                    }
                    else
                    {
                        current.Connection = c;
                    }

                    break;
                case 'a':
                    var colon = value.IndexOf(':', StringComparison.Ordinal);
                    var attribute = colon < 0 ? new SdpAttributeLine(value, null) : new SdpAttributeLine(value[..colon], value[(colon + 1)..]);
                    (current?.Attributes ?? attributes).Add(attribute);
                    break;
                case 'm':
                    if (current is not null)
                    {
                        media.Add(current.Build());
                    }

                    current = MediaBuilder.Parse(value);
                    if (current is null)
                    {
                        return SdpParseResult.Fail($"line {lineNumber}: malformed m= line '{value}'");
                    }

                    break;
                default:
                    (current?.OtherLines ?? other).Add(type + "=" + value);
                    break;
            }
        }

        if (lineNumber == 0)
        {
            return SdpParseResult.Fail("empty body");
        }

        if (current is not null)
        {
            media.Add(current.Build());
        }

        if (origin is null)
        {
            return SdpParseResult.Fail("missing o= line");
        }

        return new SdpParseResult(new SessionDescription(origin, sessionName ?? "-", connection, timing, attributes, media, other), null);
    }

    private static SdpOrigin? ParseOrigin(string value)
    {
        var p = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return p.Length == 6 ? new SdpOrigin(p[0], p[1], p[2], p[3], p[4], p[5]) : null;
    }

    private static SdpConnection? ParseConnection(string value)
    {
        var p = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return p.Length == 3 ? new SdpConnection(p[0], p[1], p[2]) : null;
    }

    private sealed class MediaBuilder
    {
        private MediaBuilder(string media, int port, int? count, string protocol, string[] formats)
        {
            (Media, Port, Count, Protocol, Formats) = (media, port, count, protocol, formats);
        }

        public string Media { get; }

        public int Port { get; }

        public int? Count { get; }

        public string Protocol { get; }

        public string[] Formats { get; }

        public SdpConnection? Connection { get; set; }

        public List<SdpAttributeLine> Attributes { get; } = [];

        public List<string> OtherLines { get; } = [];

        public static MediaBuilder? Parse(string value)
        {
            var p = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (p.Length < 3)
            {
                return null;
            }

            var portText = p[1];
            int? count = null;
            var slash = portText.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(portText.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return null;
                }

                count = n;
                portText = portText[..slash];
            }

            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                return null;
            }

            return new MediaBuilder(p[0], port, count, p[2], p[3..]);
        }

        public MediaDescription Build() => new(Media, Port, Count, Protocol, Formats, Connection, Attributes, OtherLines);
    }
}
