using System.Collections.Concurrent;
using Vms.Media.Wav;

namespace Vms.Media.Playback;

/// <summary>
/// Loads WAV prompts once (any format the reader takes, mixed to mono, resampled to 8 kHz with the anti-alias
/// filter, encoded to both laws) and shares them. A failed load is not cached, so a fixed file loads next time.
/// </summary>
public sealed class PromptCache
{
    private readonly ConcurrentDictionary<string, Lazy<PromptLoadResult>> _prompts = new(StringComparer.Ordinal);

    /// <summary>Number of prompts cached.</summary>
    public int Count => _prompts.Count;

    /// <summary>The prompt for a WAV file, loading it on first use.</summary>
    public PromptLoadResult GetOrLoad(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var lazy = _prompts.GetOrAdd(path, p => new Lazy<PromptLoadResult>(() => Load(p)));
        var result = lazy.Value;
        if (!result.IsSuccess)
        {
            _prompts.TryRemove(new KeyValuePair<string, Lazy<PromptLoadResult>>(path, lazy));
        }

        return result;
    }

    /// <summary>Adds or replaces a prompt built in memory.</summary>
    public void Add(Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        _prompts[prompt.Name] = new Lazy<PromptLoadResult>(new PromptLoadResult(prompt, null));
    }

    /// <summary>Drops a prompt (e.g. its file changed).</summary>
    public void Invalidate(string name) => _prompts.TryRemove(name, out _);

    /// <summary>Converts a read WAV file to a prompt.</summary>
    public static Prompt FromWav(string name, WavFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var mono = file.ToMonoPcm16();
        var pcm = file.Format.SampleRate == 8000 ? mono : new Resampler(file.Format.SampleRate, 8000).Process(mono);
        return new Prompt(name, pcm);
    }

    private static PromptLoadResult Load(string path)
    {
        var read = WavReader.ReadFile(path);
        return read.File is null ? new PromptLoadResult(null, read.Error) : new PromptLoadResult(FromWav(path, read.File), null);
    }
}
