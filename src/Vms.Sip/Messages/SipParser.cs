using System.Buffers;

namespace Vms.Sip.Messages;

/// <summary>
/// Parses SIP messages from bytes. Datagram mode: the input is one UDP datagram. Stream mode: the input is the
/// start of a TCP byte stream; Content-Length frames the message and is mandatory. Never throws on bad input.
/// </summary>
public static class SipParser
{
    [ThreadStatic]
    private static SipHeaderField[]? t_scratch;

    /// <summary>Parses one message from a span; the bytes are copied so the message owns them.</summary>
    public static SipParseResult Parse(ReadOnlySpan<byte> data, bool isStream = false, SipParserLimits? limits = null) =>
        Parse(new ReadOnlyMemory<byte>(data.ToArray()), isStream, limits);

    /// <summary>
    /// Parses one message without copying: header values and body are slices of <paramref name="data"/>,
    /// which must not be changed while the message is in use.
    /// </summary>
    public static SipParseResult Parse(ReadOnlyMemory<byte> data, bool isStream = false, SipParserLimits? limits = null)
    {
        limits ??= SipParserLimits.Default;
        var span = data.Span;
        var pos = 0;
        while (pos < span.Length && span[pos] is (byte)'\r' or (byte)'\n')
        {
            pos++;
        }

        if (!FindHeaderEnd(span, pos, out var headerEnd, out var bodyStart))
        {
            if (span.Length - pos > limits.MaxMessageSize)
            {
                return SipParseResult.Malformed("message too large");
            }

            return isStream ? SipParseResult.NeedMore() : SipParseResult.Malformed("missing empty line after headers");
        }

        if (bodyStart - pos > limits.MaxMessageSize)
        {
            return SipParseResult.Malformed("message too large");
        }

        var lineEnd = NextLine(span, pos, headerEnd, out var next);
        var startLine = span[pos..lineEnd];
        if (startLine.Length > limits.MaxLineLength)
        {
            return SipParseResult.Malformed("start line too long");
        }

        var start = ParseStartLine(data, pos, startLine);
        if (start.Error is not null && !start.VersionError)
        {
            return SipParseResult.Malformed(start.Error);
        }

        string? error = start.VersionError ? start.Error : null;
        var scratch = t_scratch ??= new SipHeaderField[limits.MaxHeaderCount + 1];
        if (scratch.Length < limits.MaxHeaderCount + 1)
        {
            scratch = t_scratch = new SipHeaderField[limits.MaxHeaderCount + 1];
        }

        var count = 0;
        var contentLength = -1;
        var headerError = ReadHeaders(data, next, headerEnd, limits, scratch, ref count);
        if (headerError is not null)
        {
            Array.Clear(scratch, 0, count);
            return SipParseResult.Malformed(headerError);
        }

        var fields = new SipHeaderField[count + 1];
        Array.Copy(scratch, fields, count);
        Array.Clear(scratch, 0, count);
        for (var i = 0; i < count; i++)
        {
            if (fields[i].Kind != HeaderKind.ContentLength)
            {
                continue;
            }

            if (!TryParseLength(fields[i].Value.Span, out var cl) || (contentLength >= 0 && cl != contentLength))
            {
                error ??= "bad Content-Length";
            }
            else
            {
                contentLength = cl;
            }
        }

        var headers = new SipHeaders(fields, count);
        var available = span.Length - bodyStart;
        int bodyLength;
        if (contentLength >= 0)
        {
            if (contentLength > limits.MaxMessageSize)
            {
                error ??= "Content-Length too large";
                bodyLength = 0;
            }
            else if (contentLength > available)
            {
                if (isStream && error is null)
                {
                    return SipParseResult.NeedMore();
                }

                error ??= "Content-Length larger than datagram";
                bodyLength = available;
            }
            else
            {
                bodyLength = contentLength;
            }
        }
        else if (isStream)
        {
            error ??= "Content-Length missing on stream transport";
            bodyLength = 0;
        }
        else
        {
            bodyLength = available;
        }

        if (bodyStart - pos + bodyLength > limits.MaxMessageSize)
        {
            error ??= "message too large";
        }

        var body = data.Slice(bodyStart, bodyLength);
        SipMessage message = start.Method is not null
            ? new SipRequest(start.Method, start.Uri, headers, body)
            : new SipResponse(start.StatusCode, start.Reason, headers, body);
        var consumed = bodyStart + bodyLength;
        return error is null
            ? SipParseResult.Complete(message, consumed)
            : SipParseResult.Malformed(error, message, consumed, start.VersionError && error == start.Error);
    }

    private static string? ReadHeaders(ReadOnlyMemory<byte> data, int pos, int headerEnd, SipParserLimits limits,
        SipHeaderField[] scratch, ref int count)
    {
        var span = data.Span;
        var nameStart = -1;
        var nameLen = 0;
        var valueStart = 0;
        var valueEnd = 0;
        var folded = false;
        while (pos < headerEnd)
        {
            var lineEnd = NextLine(span, pos, headerEnd, out var next);
            var line = span[pos..lineEnd];
            if (line.Length > limits.MaxLineLength)
            {
                return "header line too long";
            }

            if (line.IsEmpty)
            {
                pos = next;
                continue;
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (nameStart < 0)
                {
                    return "continuation line without header";
                }

                if (line.IndexOf((byte)0) >= 0)
                {
                    return "NUL in header"; // folded lines too: the unfolded value must not carry a NUL either
                }

                valueEnd = lineEnd;
                folded = true;
                pos = next;
                continue;
            }

            if (nameStart >= 0)
            {
                if (count >= limits.MaxHeaderCount)
                {
                    return "too many headers";
                }

                scratch[count++] = MakeField(data, nameStart, nameLen, valueStart, valueEnd, folded);
            }

            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                return "header line without colon";
            }

            var name = line[..colon].TrimEnd(" \t"u8);
            if (!SipMethods.IsToken(name))
            {
                return "invalid header name";
            }

            if (line.IndexOf((byte)0) >= 0)
            {
                return "NUL in header";
            }

            nameStart = pos;
            nameLen = name.Length;
            valueStart = pos + colon + 1;
            valueEnd = lineEnd;
            folded = false;
            pos = next;
        }

        if (nameStart >= 0)
        {
            if (count >= limits.MaxHeaderCount)
            {
                return "too many headers";
            }

            scratch[count++] = MakeField(data, nameStart, nameLen, valueStart, valueEnd, folded);
        }

        return null;
    }

    private static SipHeaderField MakeField(ReadOnlyMemory<byte> data, int nameStart, int nameLen, int valueStart, int valueEnd, bool folded)
    {
        var name = data.Slice(nameStart, nameLen);
        var value = ListSplitter.Trim(data[valueStart..valueEnd]);
        if (folded)
        {
            value = Unfold(value.Span);
        }

        return new SipHeaderField(HeaderNames.Lookup(name.Span), name, value);
    }

    private static byte[] Unfold(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return []; // a folded header whose value is only white space (ArrayBufferWriter refuses capacity 0)
        }

        var buffer = new ArrayBufferWriter<byte>(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var b = value[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                while (i < value.Length && ListSplitter.IsWhite(value[i]))
                {
                    i++;
                }

                buffer.Write(" "u8);
                continue;
            }

            buffer.GetSpan(1)[0] = b;
            buffer.Advance(1);
            i++;
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static StartLine ParseStartLine(ReadOnlyMemory<byte> data, int offset, ReadOnlySpan<byte> line)
    {
        if (line.IndexOf((byte)0) >= 0)
        {
            return StartLine.Fail("NUL in start line");
        }

        if (line.StartsWith("SIP/"u8))
        {
            var sp = line.IndexOf((byte)' ');
            if (sp < 0 || line.Length < sp + 4)
            {
                return StartLine.Fail("bad status line");
            }

            var code = line.Slice(sp + 1, 3);
            if (!char.IsAsciiDigit((char)code[0]) || !char.IsAsciiDigit((char)code[1]) || !char.IsAsciiDigit((char)code[2])
                || (line.Length > sp + 4 && line[sp + 4] != ' '))
            {
                return StartLine.Fail("bad status code");
            }

            var status = ((code[0] - '0') * 100) + ((code[1] - '0') * 10) + (code[2] - '0');
            if (status is < 100 or > 699)
            {
                return StartLine.Fail("status code out of range");
            }

            var reason = line.Length > sp + 5 ? System.Text.Encoding.UTF8.GetString(line[(sp + 5)..]) : string.Empty;
            return IsVersion20(line[..sp])
                ? new StartLine(null, default, status, reason, null, false)
                : StartLine.Fail("unsupported SIP version");
        }

        var sp1 = line.IndexOf((byte)' ');
        var lastSp = line.LastIndexOf((byte)' ');
        if (sp1 <= 0 || lastSp == sp1)
        {
            return StartLine.Fail("bad request line");
        }

        var methodBytes = line[..sp1];
        if (!SipMethods.IsToken(methodBytes))
        {
            return StartLine.Fail("bad method");
        }

        var uri = line[(sp1 + 1)..lastSp];
        if (uri.IsEmpty || uri.IndexOfAny(" \t"u8) >= 0)
        {
            return StartLine.Fail("bad Request-URI");
        }

        var version = line[(lastSp + 1)..];
        var method = SipMethods.Intern(methodBytes);
        var uriMemory = data.Slice(offset + sp1 + 1, uri.Length);
        if (IsVersion20(version))
        {
            return new StartLine(method, uriMemory, 0, null, null, false);
        }

        return version.Length > 4 && System.Text.Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8)
            ? new StartLine(method, uriMemory, 0, null, "unsupported SIP version", true)
            : StartLine.Fail("bad SIP version");
    }

    private static bool IsVersion20(ReadOnlySpan<byte> version) => System.Text.Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8);

    private static bool FindHeaderEnd(ReadOnlySpan<byte> span, int pos, out int headerEnd, out int bodyStart)
    {
        var rest = span[pos..];
        var crlf = rest.IndexOf("\n\r\n"u8);
        var lf = rest.IndexOf("\n\n"u8);
        if (crlf < 0 && lf < 0)
        {
            headerEnd = bodyStart = 0;
            return false;
        }

        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            headerEnd = pos + crlf + 1;
            bodyStart = pos + crlf + 3;
        }
        else
        {
            headerEnd = pos + lf + 1;
            bodyStart = pos + lf + 2;
        }

        return true;
    }

    private static int NextLine(ReadOnlySpan<byte> span, int pos, int limit, out int next)
    {
        var nl = span[pos..limit].IndexOf((byte)'\n');
        var end = nl < 0 ? limit : pos + nl;
        next = nl < 0 ? limit : end + 1;
        return end > pos && span[end - 1] == '\r' ? end - 1 : end;
    }

    private static bool TryParseLength(ReadOnlySpan<byte> value, out int length)
    {
        length = 0;
        if (value.IsEmpty || value.Length > 9)
        {
            return false;
        }

        foreach (var b in value)
        {
            if (b < '0' || b > '9')
            {
                return false;
            }

            length = (length * 10) + (b - '0');
        }

        return true;
    }

    private readonly record struct StartLine(string? Method, ReadOnlyMemory<byte> Uri, int StatusCode, string? Reason, string? Error, bool VersionError)
    {
        public static StartLine Fail(string error) => new(null, default, 0, null, error, false);
    }
}
