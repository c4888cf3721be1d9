using System.Buffers.Binary;

namespace Vms.Media.Wav;

/// <summary>
/// Reads RIFF/WAVE files: PCM 8-bit unsigned, 16/24/32-bit (3 or 4-byte containers), IEEE float, G.711 µ-law
/// (tag 7) and A-law (tag 6), WAVE_FORMAT_EXTENSIBLE (sub-format GUID decides), any rate, any channel count up
/// to 8. Unknown chunks are skipped wherever they are, odd chunks are padded or not, and sizes that lie are
/// clamped to the bytes present — never trusted for allocation. Never throws on input.
/// </summary>
public static class WavReader
{
    /// <summary>Largest file <see cref="ReadFile"/> accepts.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    private const ushort TagPcm = 1;
    private const ushort TagFloat = 3;
    private const ushort TagAlaw = 6;
    private const ushort TagUlaw = 7;
    private const ushort TagExtensible = 0xFFFE;

    /// <summary>Reads a WAV file from disk (refused when larger than <see cref="MaxFileBytes"/> or unreadable).</summary>
    public static WavReadResult ReadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return WavReadResult.Fail($"file not found: {path}");
            }

            if (info.Length > MaxFileBytes)
            {
                return WavReadResult.Fail($"file of {info.Length} bytes exceeds {MaxFileBytes}");
            }

            return Read(File.ReadAllBytes(path));
        }
        catch (IOException e)
        {
            return WavReadResult.Fail("cannot read file: " + e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return WavReadResult.Fail("cannot read file: " + e.Message);
        }
    }

    /// <summary>Reads a WAV file held in memory.</summary>
    public static WavReadResult Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12)
        {
            return WavReadResult.Fail($"file of {file.Length} bytes is shorter than the 12-byte RIFF header");
        }

        if (!file[..4].SequenceEqual("RIFF"u8))
        {
            return WavReadResult.Fail("not a RIFF file (no 'RIFF' magic)");
        }

        if (!file.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return WavReadResult.Fail("RIFF file is not WAVE (form type is not 'WAVE')");
        }

        var riffEnd = (int)Math.Min((long)BinaryPrimitives.ReadUInt32LittleEndian(file[4..]) + 8, file.Length);
        var body = file[..Math.Max(riffEnd, 12)];
        if (riffEnd < file.Length && riffEnd < 12 + 8)
        {
            body = file; // a RIFF size too small to hold any chunk is a lie as well
        }

        WavFormat? format = null;
        string? formatError = null;
        var dataStart = -1;
        var dataLength = 0;
        var offset = 12;
        while (offset + 8 <= body.Length)
        {
            var id = body.Slice(offset, 4);
            var declared = BinaryPrimitives.ReadUInt32LittleEndian(body[(offset + 4)..]);
            var start = offset + 8;
            var size = (int)Math.Min(declared, (uint)(body.Length - start));
            if (id.SequenceEqual("fmt "u8) && format is null)
            {
                formatError = ParseFormat(body.Slice(start, size), declared, out format);
                if (formatError is not null)
                {
                    return WavReadResult.Fail(formatError);
                }
            }
            else if (id.SequenceEqual("data"u8) && dataStart < 0)
            {
                dataStart = start;
                dataLength = size;
            }

            offset = start + size;
            if ((size & 1) == 1 && offset < body.Length && NeedsPad(body, offset))
            {
                offset++;
            }
        }

        if (format is null)
        {
            return WavReadResult.Fail("no fmt chunk");
        }

        if (dataStart < 0)
        {
            return WavReadResult.Fail("no data chunk");
        }

        var whole = dataLength - (dataLength % format.BlockAlign);
        return new WavReadResult(new WavFile(format, body.Slice(dataStart, whole).ToArray()), null);
    }

    private static bool NeedsPad(ReadOnlySpan<byte> body, int offset)
    {
        // A pad byte follows an odd chunk; some writers omit it. Trust whichever position starts a chunk id.
        var withPad = offset + 1 + 4 <= body.Length && IsChunkId(body.Slice(offset + 1, 4));
        var withoutPad = offset + 4 <= body.Length && IsChunkId(body.Slice(offset, 4));
        return withPad || !withoutPad;
    }

    private static bool IsChunkId(ReadOnlySpan<byte> id)
    {
        foreach (var b in id)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    private static string? ParseFormat(ReadOnlySpan<byte> fmt, uint declared, out WavFormat? format)
    {
        format = null;
        if (fmt.Length < 16)
        {
            return declared < 16
                ? $"fmt chunk of {declared} bytes is shorter than 16"
                : $"fmt chunk truncated: {fmt.Length} of {declared} bytes present";
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        var effectiveTag = tag;
        var validBits = bits;
        if (tag == TagExtensible)
        {
            if (fmt.Length < 40)
            {
                return $"WAVE_FORMAT_EXTENSIBLE fmt chunk of {fmt.Length} bytes is shorter than 40";
            }

            int valid = BinaryPrimitives.ReadUInt16LittleEndian(fmt[18..]);
            validBits = valid == 0 ? bits : valid;
            effectiveTag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
            if (!fmt.Slice(26, 14).SequenceEqual(KsDataFormatSuffix))
            {
                return "WAVE_FORMAT_EXTENSIBLE sub-format GUID is not a KSDATAFORMAT_SUBTYPE";
            }
        }

        var encoding = effectiveTag switch
        {
            TagPcm => WavEncoding.Pcm,
            TagFloat => WavEncoding.IeeeFloat,
            TagUlaw => WavEncoding.Ulaw,
            TagAlaw => WavEncoding.Alaw,
            _ => (WavEncoding?)null,
        };
        if (encoding is null)
        {
            return $"unsupported format tag 0x{effectiveTag:X4}";
        }

        if (channels is < 1 or > 8)
        {
            return $"channel count {channels} outside 1–8";
        }

        if (rate is < 1000 or > 384000)
        {
            return $"sample rate {rate} Hz outside 1,000–384,000";
        }

        if (blockAlign == 0 || blockAlign % channels != 0)
        {
            return $"block align {blockAlign} is not a multiple of {channels} channels";
        }

        var container = blockAlign / channels;
        var ok = encoding switch
        {
            WavEncoding.Pcm => container is >= 1 and <= 4 && validBits >= 1 && validBits <= container * 8,
            WavEncoding.IeeeFloat => container is 4 or 8,
            _ => container == 1,
        };
        if (!ok)
        {
            return $"{bits}-bit {encoding} in {container}-byte containers is not supported";
        }

        format = new WavFormat(tag, encoding.Value, channels, (int)rate, encoding == WavEncoding.Pcm ? validBits : container * 8, blockAlign);
        return null;
    }

    // KSDATAFORMAT_SUBTYPE_xxx = {0000xxxx-0000-0010-8000-00AA00389B71}: the 14 bytes after the tag.
    private static ReadOnlySpan<byte> KsDataFormatSuffix => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
}
