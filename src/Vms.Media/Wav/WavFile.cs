using System.Buffers.Binary;
using Vms.Media.Codecs;

namespace Vms.Media.Wav;

/// <summary>
/// The format and sample bytes of a read WAV file. <see cref="Data"/> holds whole frames only, clamped to the
/// bytes actually present whatever the headers claimed.
/// </summary>
public sealed class WavFile
{
    internal WavFile(WavFormat format, byte[] data)
    {
        Format = format;
        Data = data;
    }

    /// <summary>The sample format.</summary>
    public WavFormat Format { get; }

    /// <summary>The raw sample bytes (whole frames).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Number of frames.</summary>
    public int FrameCount => Data.Length / Format.BlockAlign;

    /// <summary>Duration of the audio.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / Format.SampleRate);

    /// <summary>
    /// The sample at <paramref name="index"/> (interleaved) in its native scale: 8-bit as signed (value − 128),
    /// 16/24/32-bit integers sign-extended from their valid bits (as hound and arecord's S24_LE have them), floats as stored, G.711 decoded to 16-bit.
    /// </summary>
    public double GetSample(int index)
    {
        var size = Format.ContainerBytes;
        var s = Data.Span.Slice(index * size, size);
        return Format.Encoding switch
        {
            WavEncoding.Ulaw => G711.UlawToLinear(s[0]),
            WavEncoding.Alaw => G711.AlawToLinear(s[0]),
            WavEncoding.IeeeFloat when size == 8 => BinaryPrimitives.ReadDoubleLittleEndian(s),
            WavEncoding.IeeeFloat => BinaryPrimitives.ReadSingleLittleEndian(s),
            _ => size switch
            {
                1 => s[0] - 128,
                2 => BinaryPrimitives.ReadInt16LittleEndian(s),
                3 => ((s[2] << 24) | (s[1] << 16) | (s[0] << 8)) >> 8,
                _ when Format.BitsPerSample < 32 => (BinaryPrimitives.ReadInt32LittleEndian(s) << (32 - Format.BitsPerSample)) >> (32 - Format.BitsPerSample),
                _ => BinaryPrimitives.ReadInt32LittleEndian(s),
            },
        };
    }

    /// <summary>All samples converted to 16-bit and mixed down to mono (channels averaged).</summary>
    public short[] ToMonoPcm16()
    {
        var channels = Format.Channels;
        var frames = FrameCount;
        var result = new short[frames];
        var shift = Format.BitsPerSample - 16;
        for (var f = 0; f < frames; f++)
        {
            double sum = 0;
            for (var c = 0; c < channels; c++)
            {
                var v = GetSample((f * channels) + c);
                sum += Format.Encoding switch
                {
                    WavEncoding.Ulaw or WavEncoding.Alaw => v,
                    WavEncoding.IeeeFloat => v * 32767.0,
                    _ when Format.ContainerBytes == 1 => v * 256,
                    _ => shift >= 0 ? v / (1L << shift) : v * (1L << -shift),
                };
            }

            result[f] = (short)Math.Clamp(Math.Round(sum / channels), short.MinValue, short.MaxValue);
        }

        return result;
    }
}
