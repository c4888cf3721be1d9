using System.Net;
using System.Net.Sockets;
using Vms.Media;

namespace Vms.Telephony.Media;

/// <summary>
/// The call layer's media on the Vms.Media engine: one <see cref="MediaSession"/> per endpoint, never more than
/// <see cref="MaxPairs"/> at once (the overload guard: the port range and the open-file limit), and a socket that
/// cannot be created (EMFILE/ENFILE) is a refused allocation (503 for that call), never an exception.
/// </summary>
public sealed class EngineMediaAdapter : IMediaEngine
{
    private readonly MediaEngine _engine;
    private readonly PromptLibrary _prompts;
    private int _inUse;
    private long _refused;

    public EngineMediaAdapter(MediaEngine engine, PromptLibrary prompts, int maxPairs = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPairs);
        _engine = engine;
        _prompts = prompts;
        MaxPairs = maxPairs;
    }

    public IPAddress Address => _engine.Options.SdpAddress;

    /// <summary>The most port pairs handed out at once.</summary>
    public int MaxPairs { get; }

    /// <summary>Pairs handed out now.</summary>
    public int InUse => Volatile.Read(ref _inUse);

    /// <summary>Allocations refused (cap reached, range exhausted, sockets unavailable).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public IMediaEndpoint? TryAllocate()
    {
        if (Interlocked.Increment(ref _inUse) > MaxPairs)
        {
            return Refuse();
        }

        MediaSessionResult result;
        try
        {
            result = _engine.CreateSession();
        }
        catch (SocketException)
        {
            return Refuse();
        }
        catch (IOException)
        {
            return Refuse();
        }
        catch (InvalidOperationException)
        {
            // The receive threads' epoll/eventfd could not be created (EMFILE): no media for this call, the node stays up.
            return Refuse();
        }

        return result.Session is { } session ? new EngineMediaEndpoint(session, _prompts, Release) : Refuse();
    }

    private EngineMediaEndpoint? Refuse()
    {
        Interlocked.Increment(ref _refused);
        Release();
        return null;
    }

    private void Release() => Interlocked.Decrement(ref _inUse);
}
