using Vms.Media.Codecs;

namespace Vms.Media.Recording;

/// <summary>How a call is recorded.</summary>
public sealed record RecordingOptions
{
    /// <summary>The G.711 law of the WAV file (8 kHz mono, 8000 bytes per second: about 1 MB per 2 minutes).</summary>
    public G711Law Law { get; init; } = G711Law.Alaw;

    /// <summary>Largest file size in bytes, header included; null for no cap.</summary>
    public long? MaxBytes { get; init; }

    /// <summary>How far behind real time the mix is written, to let late packets in (RTP jitter).</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the header is patched and data flushed (crash-readable up to that point).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);
}
