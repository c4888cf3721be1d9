namespace Vms.Media.Wav;

/// <summary>The sample format of a WAV file, from its fmt chunk (EXTENSIBLE resolved to its sub-format).</summary>
/// <param name="FormatTag">The wFormatTag as written (0xFFFE for EXTENSIBLE).</param>
/// <param name="Encoding">How samples are coded.</param>
/// <param name="Channels">Number of channels.</param>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="BitsPerSample">Significant bits per sample (wValidBitsPerSample when given, else wBitsPerSample).</param>
/// <param name="BlockAlign">Bytes per frame.</param>
public sealed record WavFormat(ushort FormatTag, WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample, int BlockAlign)
{
    /// <summary>Bytes that hold one sample (the container).</summary>
    public int ContainerBytes => BlockAlign / Channels;

    /// <summary>The OB2 outbound-campaign format: PCM, 11,025 Hz, 8-bit, mono.</summary>
    public static WavFormat Ob2 { get; } = new(1, WavEncoding.Pcm, 1, 11025, 8, 1);

    /// <summary>8 kHz mono G.711 of a law, as written by the recorder.</summary>
    public static WavFormat G711(Codecs.G711Law law) =>
        new(law == Codecs.G711Law.Ulaw ? (ushort)7 : (ushort)6, law == Codecs.G711Law.Ulaw ? WavEncoding.Ulaw : WavEncoding.Alaw, 1, 8000, 8, 1);

    /// <summary>16-bit PCM mono at a rate.</summary>
    public static WavFormat Pcm16Mono(int sampleRate) => new(1, WavEncoding.Pcm, 1, sampleRate, 16, 2);
}
