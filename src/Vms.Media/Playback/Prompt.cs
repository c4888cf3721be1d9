using Vms.Media.Codecs;

namespace Vms.Media.Playback;

/// <summary>
/// An announcement ready to play: 8 kHz linear audio, encoded once to both G.711 laws. Immutable and shared
/// by every call that plays it.
/// </summary>
public sealed class Prompt
{
    private readonly byte[] _ulaw;
    private readonly byte[] _alaw;

    /// <summary>Creates a prompt from 8 kHz mono 16-bit samples.</summary>
    public Prompt(string name, ReadOnlySpan<short> pcm8k)
    {
        Name = name;
        _ulaw = new byte[pcm8k.Length];
        _alaw = new byte[pcm8k.Length];
        G711.Encode(G711Law.Ulaw, pcm8k, _ulaw);
        G711.Encode(G711Law.Alaw, pcm8k, _alaw);
    }

    /// <summary>The prompt's name (file path or id).</summary>
    public string Name { get; }

    /// <summary>Number of 8 kHz samples.</summary>
    public int SampleCount => _ulaw.Length;

    /// <summary>Duration.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks(SampleCount * TimeSpan.TicksPerSecond / 8000);

    /// <summary>The audio encoded in <paramref name="law"/>.</summary>
    public ReadOnlyMemory<byte> GetEncoded(G711Law law) => law == G711Law.Ulaw ? _ulaw : _alaw;

    /// <summary>A pure tone, for tests and for call-progress tones.</summary>
    public static Prompt Tone(string name, double frequency, TimeSpan duration, short amplitude = 8000)
    {
        var samples = new short[(int)(duration.Ticks * 8000 / TimeSpan.TicksPerSecond)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / 8000));
        }

        return new Prompt(name, samples);
    }
}
