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
        var writer = new ArrayBufferWriter<byte>(512 + message.Body.Length);
        Write(message, writer);
        return writer.WrittenSpan.ToArray();
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
