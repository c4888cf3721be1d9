namespace Vms.Media.Wav;

/// <summary>
/// Converts any readable WAV file to the outbound-campaign format OB2 (PCM, 11,025 Hz, 8-bit unsigned, mono):
/// channels averaged, resampled with the anti-alias filter, rounded to 8 bits.
/// </summary>
public static class Ob2Converter
{
    /// <summary>The OB2 file for <paramref name="file"/>.</summary>
    public static byte[] Convert(WavFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var mono = file.ToMonoPcm16();
        var pcm = file.Format.SampleRate == 11025 ? mono : new Resampler(file.Format.SampleRate, 11025).Process(mono);
        var samples = new byte[pcm.Length];
        for (var i = 0; i < pcm.Length; i++)
        {
            samples[i] = (byte)Math.Clamp((int)Math.Round(pcm[i] / 256.0) + 128, 0, 255);
        }

        using var stream = new MemoryStream(samples.Length + 46);
        using (var writer = new WavWriter(stream, WavFormat.Ob2, ownsStream: false))
        {
            writer.Write(samples);
        }

        return stream.ToArray();
    }

    /// <summary>Reads WAV bytes and converts them; a file that cannot be read gives the reader's reason.</summary>
    public static (byte[]? Ob2, string? Error) Convert(ReadOnlySpan<byte> wav)
    {
        var read = WavReader.Read(wav);
        return read.File is null ? (null, read.Error) : (Convert(read.File), null);
    }
}
