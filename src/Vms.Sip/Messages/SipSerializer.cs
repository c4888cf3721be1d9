using System.Buffers;
using System.Globalization;
using System.Text;

namespace Vms.Sip.Messages;

/// <summary>Writes messages in wire form; Content-Length is always written from the body length.</summary>
public static class SipSerializer
{
    /// <summary>Serializes a message into a new array.</summary>
    public static byte[] Serialize(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = 16 + Digits(message.Body.Length) + 4 + message.Body.Length;
        if (message is SipRequest request)
        {
            size += request.Method.Length + 1 + request.RequestUriBytes.Length + 10;
        }
        else if (message is SipResponse response)
        {
            size += 8 + Digits(response.StatusCode) + 1 + Encoding.UTF8.GetByteCount(response.ReasonPhrase) + 2;
        }

        foreach (var field in message.Headers)
        {
            if (field.Kind != HeaderKind.ContentLength)
            {
                size += field.Name.Length + field.Value.Length + 4;
            }
        }

        var buffer = new byte[size];
        var writer = new SpanWriter(buffer);
        Write(message, ref writer);
        return writer.Written == buffer.Length ? buffer : buffer.AsSpan(0, writer.Written).ToArray();
    }

    private static int Digits(int value) => value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : value < 100000 ? 5 : 10;

    private static void Write(SipMessage message, ref SpanWriter w)
    {
        if (message is SipRequest request)
        {
            w.Ascii(request.Method);
            w.Bytes(" "u8);
            w.Bytes(request.RequestUriBytes.Span);
            w.Bytes(" SIP/2.0\r\n"u8);
        }
        else if (message is SipResponse response)
        {
            w.Bytes("SIP/2.0 "u8);
            w.Number(response.StatusCode);
            w.Bytes(" "u8);
            w.Utf8(response.ReasonPhrase);
            w.Bytes("\r\n"u8);
        }

        foreach (var field in message.Headers)
        {
            if (field.Kind == HeaderKind.ContentLength)
            {
                continue;
            }

            w.Bytes(field.Name.Span);
            w.Bytes(": "u8);
            w.Bytes(field.Value.Span);
            w.Bytes("\r\n"u8);
        }

        w.Bytes("Content-Length: "u8);
        w.Number(message.Body.Length);
        w.Bytes("\r\n\r\n"u8);
        w.Bytes(message.Body.Span);
    }

    private ref struct SpanWriter(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Written { get; private set; }

        public void Bytes(ReadOnlySpan<byte> data)
        {
            data.CopyTo(_buffer[Written..]);
            Written += data.Length;
        }

        public void Ascii(string text) => Written += Encoding.ASCII.GetBytes(text, _buffer[Written..]);

        public void Utf8(string text) => Written += Encoding.UTF8.GetBytes(text, _buffer[Written..]);

        public void Number(int value)
        {
            value.TryFormat(_buffer[Written..], out var n, default, CultureInfo.InvariantCulture);
            Written += n;
        }
    }

    /// <summary>Serializes a message into a buffer writer.</summary>
    public static void Write(SipMessage message, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(writer);
        if (message is SipRequest request)
        {
            WriteAscii(writer, request.Method);
            writer.Write(" "u8);
            writer.Write(request.RequestUriBytes.Span);
            writer.Write(" SIP/2.0\r\n"u8);
        }
        else if (message is SipResponse response)
        {
            writer.Write("SIP/2.0 "u8);
            WriteAscii(writer, response.StatusCode.ToString(CultureInfo.InvariantCulture));
            writer.Write(" "u8);
            WriteUtf8(writer, response.ReasonPhrase);
            writer.Write("\r\n"u8);
        }

        foreach (var field in message.Headers)
        {
            if (field.Kind == HeaderKind.ContentLength)
            {
                continue;
            }

            writer.Write(field.Name.Span);
            writer.Write(": "u8);
            writer.Write(field.Value.Span);
            writer.Write("\r\n"u8);
        }

        writer.Write("Content-Length: "u8);
        WriteAscii(writer, message.Body.Length.ToString(CultureInfo.InvariantCulture));
        writer.Write("\r\n\r\n"u8);
        writer.Write(message.Body.Span);
    }

    private static void WriteAscii(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(text.Length);
        var n = Encoding.ASCII.GetBytes(text, span);
        writer.Advance(n);
    }

    private static void WriteUtf8(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var n = Encoding.UTF8.GetBytes(text, span);
        writer.Advance(n);
    }
}
