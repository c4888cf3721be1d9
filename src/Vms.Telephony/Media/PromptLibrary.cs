using Vms.Media;
using Vms.Media.Playback;

namespace Vms.Telephony.Media;

/// <summary>
/// Finds a prompt by name: "{folder}/{name}.wav" (any PCM WAV, converted once and cached by the engine), else a
/// short 425 Hz beep so that a call never stalls on a missing file (logged by the caller as PromptMissing).
/// </summary>
public sealed class PromptLibrary
{
    private readonly MediaEngine _engine;
    private readonly string _folder;
    private readonly Prompt _beep;

    public PromptLibrary(MediaEngine engine, string folder)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _folder = folder;
        _beep = Tone("beep", 425, TimeSpan.FromMilliseconds(600));
    }

    /// <summary>
    /// The prompt, and whether it was found (false: the beep stands in). A customer's prompt is named
    /// "{customer:N}-{name}"; when that file is missing the shared "{name}.wav" is tried.
    /// </summary>
    public (Prompt Prompt, bool Found) Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = Find(name);
        if (found is null && name.Length > 33 && name[32] == '-')
        {
            found = Find(name[33..]);
        }

        return found is null ? (_beep, false) : (found, true);
    }

    private Prompt? Find(string name)
    {
        if (name.IndexOfAny(['/', '\\']) < 0 && !name.Contains("..", StringComparison.Ordinal))
        {
            var path = Path.Combine(_folder, name + ".wav");
            if (File.Exists(path) && _engine.Prompts.GetOrLoad(path) is { Prompt: { } prompt })
            {
                return prompt;
            }
        }

        return null;
    }

    /// <summary>A sine tone as a prompt (demo and tests).</summary>
    public static Prompt Tone(string name, double hertz, TimeSpan length)
    {
        var samples = new short[(int)(length.TotalSeconds * 8000)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * hertz * i / 8000));
        }

        return new Prompt(name, samples);
    }
}
