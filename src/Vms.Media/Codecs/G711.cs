namespace Vms.Media.Codecs;

/// <summary>
/// G.711 µ-law and A-law, bit-exact with the ITU-T G.191 Software Tools Library (<c>g711.c</c>):
/// the encoders reproduce the STL's segment search and the decoders its reconstruction values.
/// Encoding uses 64 KiB lookup tables built once from the STL algorithm; decoding uses 256-entry tables.
/// </summary>
public static class G711
{
    private static readonly byte[] UlawEncodeTable = BuildEncodeTable(UlawCompress);
    private static readonly byte[] AlawEncodeTable = BuildEncodeTable(AlawCompress);
    private static readonly short[] UlawDecodeTable = BuildDecodeTable(UlawExpand);
    private static readonly short[] AlawDecodeTable = BuildDecodeTable(AlawExpand);

    /// <summary>The µ-law code of digital silence (linear 0).</summary>
    public const byte UlawSilence = 0xFF;

    /// <summary>The A-law code of digital silence (linear 0), with the even-bit inversion applied.</summary>
    public const byte AlawSilence = 0xD5;

    /// <summary>Encodes one linear sample to µ-law.</summary>
    public static byte LinearToUlaw(short sample) => UlawEncodeTable[sample + 32768];

    /// <summary>Encodes one linear sample to A-law (wire bytes, even bits inverted).</summary>
    public static byte LinearToAlaw(short sample) => AlawEncodeTable[sample + 32768];

    /// <summary>Decodes one µ-law code.</summary>
    public static short UlawToLinear(byte code) => UlawDecodeTable[code];

    /// <summary>Decodes one A-law code.</summary>
    public static short AlawToLinear(byte code) => AlawDecodeTable[code];

    /// <summary>Encodes <paramref name="source"/> into <paramref name="destination"/> (same length or longer).</summary>
    public static void Encode(G711Law law, ReadOnlySpan<short> source, Span<byte> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }

        var table = law == G711Law.Ulaw ? UlawEncodeTable : AlawEncodeTable;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i] + 32768];
        }
    }

    /// <summary>Decodes <paramref name="source"/> into <paramref name="destination"/> (same length or longer).</summary>
    public static void Decode(G711Law law, ReadOnlySpan<byte> source, Span<short> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }

        var table = law == G711Law.Ulaw ? UlawDecodeTable : AlawDecodeTable;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    /// <summary>The code of silence for a law.</summary>
    public static byte Silence(G711Law law) => law == G711Law.Ulaw ? UlawSilence : AlawSilence;

    // ITU-T G.191 STL ulaw_compress.
    internal static byte UlawCompress(short linear)
    {
        int absno = linear < 0 ? ((~linear) >> 2) + 33 : (linear >> 2) + 33;
        if (absno > 0x1FFF)
        {
            absno = 0x1FFF;
        }

        var i = absno >> 6;
        var segno = 1;
        while (i != 0)
        {
            segno++;
            i >>= 1;
        }

        var highNibble = 0x0008 - segno;
        var lowNibble = 0x000F - ((absno >> segno) & 0x000F);
        var code = (highNibble << 4) | lowNibble;
        if (linear >= 0)
        {
            code |= 0x0080;
        }

        return (byte)code;
    }

    // ITU-T G.191 STL ulaw_expand.
    internal static short UlawExpand(byte code)
    {
        var sign = code < 0x80 ? -1 : 1;
        int mantissa = ~code;
        var exponent = (mantissa >> 4) & 0x0007;
        var segment = exponent + 1;
        mantissa &= 0x000F;
        var step = 4 << segment;
        return (short)(sign * ((0x0080 << exponent) + (step * mantissa) + (step / 2) - (4 * 33)));
    }

    // ITU-T G.191 STL alaw_compress.
    internal static byte AlawCompress(short linear)
    {
        int ix = linear < 0 ? (~linear) >> 4 : linear >> 4;
        if (ix > 15)
        {
            var iexp = 1;
            while (ix > 16 + 15)
            {
                ix >>= 1;
                iexp++;
            }

            ix -= 16;
            ix += iexp << 4;
        }

        if (linear >= 0)
        {
            ix |= 0x0080;
        }

        return (byte)(ix ^ 0x0055);
    }

    // ITU-T G.191 STL alaw_expand.
    internal static short AlawExpand(byte code)
    {
        var ix = (code ^ 0x0055) & 0x007F;
        var iexp = ix >> 4;
        var mant = ix & 0x000F;
        if (iexp > 0)
        {
            mant += 16;
        }

        mant = (mant << 4) + 0x0008;
        if (iexp > 1)
        {
            mant <<= iexp - 1;
        }

        return (short)(code > 127 ? mant : -mant);
    }

    private static byte[] BuildEncodeTable(Func<short, byte> compress)
    {
        var table = new byte[65536];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = compress((short)(i - 32768));
        }

        return table;
    }

    private static short[] BuildDecodeTable(Func<byte, short> expand)
    {
        var table = new short[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = expand((byte)i);
        }

        return table;
    }
}
