namespace Vms.Sip.Messages;

/// <summary>Splits a header value at commas that are outside quotes and angle brackets (RFC 3261 §7.3.1).</summary>
internal static class ListSplitter
{
    /// <summary>Returns the length of the first element; <paramref name="next"/> is the offset of the rest or -1.</summary>
    public static int NextElement(ReadOnlySpan<byte> value, out int next)
    {
        var inQuotes = false;
        var inAngle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
            else if (c == ',' && !inAngle)
            {
                next = i + 1;
                return i;
            }
        }

        next = -1;
        return value.Length;
    }

    /// <summary>Splits a value into trimmed, non-empty elements.</summary>
    public static void Split(ReadOnlyMemory<byte> value, List<ReadOnlyMemory<byte>> into)
    {
        var rest = value;
        while (true)
        {
            var length = NextElement(rest.Span, out var next);
            var element = Trim(rest[..length]);
            if (!element.IsEmpty)
            {
                into.Add(element);
            }

            if (next < 0)
            {
                return;
            }

            rest = rest[next..];
        }
    }

    public static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> value)
    {
        var span = value.Span;
        var start = 0;
        var end = span.Length;
        while (start < end && IsWhite(span[start]))
        {
            start++;
        }

        while (end > start && IsWhite(span[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    public static bool IsWhite(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
