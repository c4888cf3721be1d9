using System.Runtime.InteropServices;
using Vms.Media.Wav;

namespace Vms.Server.Features.Routing;

/// <summary>
/// Turns an uploaded WAV (any PCM, float or G.711 that Vms.Media's WavReader reads) into the call format: 16-bit
/// PCM, mono, 8 kHz. A bad file is refused with the reader's reason; nothing throws.
/// </summary>
internal static class PromptConverter
{
    public const int CallRate = 8000;
    public static readonly TimeSpan MaxLength = TimeSpan.FromMinutes(10);

    public static (byte[]? Wav, int DurationMs, string? Error) Convert(ReadOnlySpan<byte> upload)
    {
        var read = WavReader.Read(upload);
        if (read.File is not { } file)
        {
            return (null, 0, $"Not a usable WAV file: {read.Error}");
        }

        if (file.FrameCount == 0)
        {
            return (null, 0, "The WAV file holds no sound.");
        }

        if (file.Duration > MaxLength)
        {
            return (null, 0, $"The prompt lasts {file.Duration:mm\\:ss}; at most {MaxLength.TotalMinutes} minutes.");
        }

        var mono = file.ToMonoPcm16();
        var samples = file.Format.SampleRate == CallRate ? mono : new Resampler(file.Format.SampleRate, CallRate).Process(mono);
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, WavFormat.Pcm16Mono(CallRate), ownsStream: false))
        {
            writer.Write(MemoryMarshal.AsBytes(samples.AsSpan()));
        }

        return (stream.ToArray(), (int)(samples.Length * 1000L / CallRate), null);
    }
}
