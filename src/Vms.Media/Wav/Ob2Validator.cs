namespace Vms.Media.Wav;

/// <summary>
/// Checks a file against the outbound-campaign format OB2 (PCM, 11,025 Hz, 8-bit unsigned, mono) and states
/// exactly what differs.
/// </summary>
public static class Ob2Validator
{
    /// <summary>Validates WAV bytes; a file that cannot be read is one difference with the reader's reason.</summary>
    public static Ob2ValidationResult Validate(ReadOnlySpan<byte> file)
    {
        var read = WavReader.Read(file);
        return read.File is null ? new Ob2ValidationResult(["not a readable WAV file: " + read.Error]) : Validate(read.File.Format);
    }

    /// <summary>Validates a format.</summary>
    public static Ob2ValidationResult Validate(WavFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var differences = new List<string>();
        if (format.Encoding != WavEncoding.Pcm)
        {
            differences.Add($"encoding is {Describe(format.Encoding)} (format tag 0x{format.FormatTag:X4}), OB2 needs PCM (tag 0x0001)");
        }

        if (format.SampleRate != 11025)
        {
            differences.Add($"sample rate is {format.SampleRate} Hz, OB2 needs 11025 Hz");
        }

        if (format.BitsPerSample != 8 || format.ContainerBytes != 1)
        {
            differences.Add($"sample size is {format.BitsPerSample} bits, OB2 needs 8 bits");
        }

        if (format.Channels != 1)
        {
            differences.Add($"{format.Channels} channels, OB2 needs mono (1 channel)");
        }

        return new Ob2ValidationResult(differences);
    }

    private static string Describe(WavEncoding e) => e switch
    {
        WavEncoding.Ulaw => "G.711 µ-law",
        WavEncoding.Alaw => "G.711 A-law",
        WavEncoding.IeeeFloat => "IEEE float",
        _ => "PCM",
    };
}
