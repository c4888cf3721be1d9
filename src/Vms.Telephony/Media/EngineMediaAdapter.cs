using System.Net;
using Vms.Media;

namespace Vms.Telephony.Media;

/// <summary>The call layer's media on the Vms.Media engine: one <see cref="MediaSession"/> per endpoint.</summary>
public sealed class EngineMediaAdapter : IMediaEngine
{
    private readonly MediaEngine _engine;
    private readonly PromptLibrary _prompts;

    public EngineMediaAdapter(MediaEngine engine, PromptLibrary prompts)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _prompts = prompts;
    }

    public IPAddress Address => _engine.Options.SdpAddress;

    public IMediaEndpoint? TryAllocate() =>
        _engine.CreateSession() is { Session: { } session } ? new EngineMediaEndpoint(session, _prompts) : null;
}
