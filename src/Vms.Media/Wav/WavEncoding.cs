namespace Vms.Media.Wav;

/// <summary>How the samples of a WAV file are coded.</summary>
public enum WavEncoding
{
    /// <summary>Integer PCM (8-bit unsigned, 16/24/32-bit signed little-endian).</summary>
    Pcm,

    /// <summary>IEEE float, 32 or 64 bits.</summary>
    IeeeFloat,

    /// <summary>G.711 µ-law (format tag 7).</summary>
    Ulaw,

    /// <summary>G.711 A-law (format tag 6).</summary>
    Alaw,
}
