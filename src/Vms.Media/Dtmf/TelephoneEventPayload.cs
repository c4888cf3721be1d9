using System.Buffers.Binary;

namespace Vms.Media.Dtmf;

/// <summary>
/// The RFC 4733 §2.3 event payload: event (8 bits), E, R, volume (6 bits), duration (16 bits).
/// </summary>
public readonly record struct TelephoneEventPayload(byte Event, bool End, byte Volume, ushort Duration)
{
    /// <summary>Size on the wire.</summary>
    public const int Length = 4;

    /// <summary>Reads a payload; false when it is shorter than 4 bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEventPayload value)
    {
        if (payload.Length < Length)
        {
            value = default;
            return false;
        }

        value = new TelephoneEventPayload(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the payload (R bit clear) into 4 bytes.</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
    }

    /// <summary>The DTMF character of an event code 0–15, or '\0' for other events.</summary>
    public static char ToDigit(byte eventCode) => eventCode switch
    {
        <= 9 => (char)('0' + eventCode),
        10 => '*',
        11 => '#',
        <= 15 => (char)('A' + eventCode - 12),
        _ => '\0',
    };

    /// <summary>The event code of a DTMF character, or −1 when it is not one.</summary>
    public static int FromDigit(char digit) => digit switch
    {
        >= '0' and <= '9' => digit - '0',
        '*' => 10,
        '#' => 11,
        >= 'A' and <= 'D' => 12 + digit - 'A',
        >= 'a' and <= 'd' => 12 + digit - 'a',
        _ => -1,
    };
}
