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
        _ownSockets = sockets is null ? new UdpRtpSocketFactory(options.ReceiveThreads, useEpoll: true, options.ReceivePollInterval, options.ReceiveThreadNice, options.ReceiveThreadRealtimePriority) : null;
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
    /// tried pair is taken by another program) returns an error instead. When opening fails part way (out of
    /// descriptors, the receive loop refusing a socket), everything opened so far is released: both sockets and the
    /// port pair.
    /// </summary>
    public MediaSessionResult CreateSession()
    {
        for (var attempt = 0; attempt < BindAttempts; attempt++)
        {
            if (!Ports.TryAllocate(out var port))
            {
                return new MediaSessionResult(null, $"RTP port range {Options.MinPort}–{Options.MaxPort} exhausted ({Ports.InUse} pairs in use)");
            }

            var (session, error) = Open(port);
            if (session is not null || error is not null)
            {
                return new MediaSessionResult(session, error);
            }

            // Taken by another program: round robin moves on to the next pair.
        }

        return new MediaSessionResult(null, $"no bindable RTP port pair after {BindAttempts} attempts");
    }

    /// <summary>
    /// Binds and starts the pair at <paramref name="port"/>: a session; (null, null) when a port is taken; or
    /// (null, reason) when sockets cannot be opened or started. On anything but success the sockets opened so far
    /// are closed before the pair is released (so it is never handed out while still bound).
    /// </summary>
    private (MediaSession? Session, string? Error) Open(int port)
    {
        IRtpSocket? rtp = null;
        IRtpSocket? rtcp = null;
        MediaSession? session = null;
        try
        {
            if (!_sockets.TryBind(Options.BindAddress, port, out rtp) || !_sockets.TryBind(Options.BindAddress, port + 1, out rtcp))
            {
                return (null, null);
            }

            session = new MediaSession(this, rtp!, rtcp!, port);
            Interlocked.Increment(ref _sessions);
            return (session, null);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or InvalidOperationException)
        {
            // Out of file descriptors or sockets, or the receive loop refused one: refuse this call (503 upstream).
            return (null, "cannot open RTP sockets: " + e.Message);
        }
        finally
        {
            if (session is null)
            {
                rtcp?.Dispose();
                rtp?.Dispose();
                Ports.Release(port);
            }
        }
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
