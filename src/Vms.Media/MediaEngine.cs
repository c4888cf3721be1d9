using Vms.Media.Playback;
using Vms.Media.Recording;
using Vms.Media.Transport;

namespace Vms.Media;

/// <summary>
/// The media engine of one process: the RTP port range, the shared 20 ms <see cref="MediaClock"/>, the
/// <see cref="PromptCache"/> and the sessions. Create one at start-up; create a <see cref="MediaSession"/> per
/// call leg.
/// </summary>
public sealed class MediaEngine : IDisposable
{
    private const int BindAttempts = 8;
    private readonly IRtpSocketFactory _sockets;
    private readonly UdpRtpSocketFactory? _ownSockets;
    private int _sessions;

    /// <summary>Creates an engine; throws <see cref="ArgumentException"/> on invalid options (start-up validation).</summary>
    /// <param name="options">Settings.</param>
    /// <param name="time">Time source (a fake one in tests); <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="sockets">Socket factory (in memory in tests); real UDP by default.</param>
    public MediaEngine(MediaEngineOptions options, TimeProvider? time = null, IRtpSocketFactory? sockets = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid media options: " + string.Join("; ", problems), nameof(options));
        }

        Options = options;
        Time = time ?? TimeProvider.System;
        _ownSockets = sockets is null ? new UdpRtpSocketFactory(options.ReceiveThreads, useEpoll: true, options.ReceivePollInterval, options.ReceiveThreadNice) : null;
        _sockets = sockets ?? _ownSockets!;
        Clock = new MediaClock(Time);
        Ports = new PortAllocator(options.MinPort, options.MaxPort);
    }

    /// <summary>The settings.</summary>
    public MediaEngineOptions Options { get; }

    /// <summary>The time source.</summary>
    public TimeProvider Time { get; }

    /// <summary>The shared media clock.</summary>
    public MediaClock Clock { get; }

    /// <summary>The shared prompt cache.</summary>
    public PromptCache Prompts { get; } = new();

    /// <summary>Writes the engine's recordings to disk off the media clock thread.</summary>
    internal RecordingWriter Recordings { get; } = new();

    /// <summary>The port range.</summary>
    public PortAllocator Ports { get; }

    /// <summary>Sessions alive.</summary>
    public int SessionCount => Volatile.Read(ref _sessions);

    /// <summary>
    /// Allocates an RTP/RTCP port pair, binds it and returns a session; when the range is exhausted (or every
    /// tried pair is taken by another program) returns an error instead.
    /// </summary>
    public MediaSessionResult CreateSession()
    {
        for (var attempt = 0; attempt < BindAttempts; attempt++)
        {
            if (!Ports.TryAllocate(out var port))
            {
                return new MediaSessionResult(null, $"RTP port range {Options.MinPort}–{Options.MaxPort} exhausted ({Ports.InUse} pairs in use)");
            }

            IRtpSocket? rtp = null;
            try
            {
                if (!_sockets.TryBind(Options.BindAddress, port, out rtp))
                {
                    Ports.Release(port); // taken by another program: round robin moves on to the next pair
                    continue;
                }

                if (!_sockets.TryBind(Options.BindAddress, port + 1, out var rtcp))
                {
                    rtp!.Dispose();
                    Ports.Release(port);
                    continue;
                }

                Interlocked.Increment(ref _sessions);
                return new MediaSessionResult(new MediaSession(this, rtp!, rtcp!, port), null);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException)
            {
                // Out of file descriptors or sockets: refuse this call (503 upstream), keep the pair free.
                rtp?.Dispose();
                Ports.Release(port);
                return new MediaSessionResult(null, "cannot open RTP sockets: " + e.Message);
            }
        }

        return new MediaSessionResult(null, $"no bindable RTP port pair after {BindAttempts} attempts");
    }

    /// <summary>Stops the clock and the receive threads. Sessions should be disposed first.</summary>
    public void Dispose()
    {
        Clock.Dispose();
        Recordings.Dispose();
        _ownSockets?.Dispose();
    }

    internal void Release(int port)
    {
        Ports.Release(port);
        Interlocked.Decrement(ref _sessions);
    }
}
