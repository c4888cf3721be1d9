using System.Net;
using System.Net.Sockets;

namespace Vms.Media.Transport;

/// <summary>
/// Binds real UDP sockets. On Linux (x64, arm64) sockets are served by a small fixed set of dedicated epoll
/// receive threads (<see cref="EpollReceiveLoop"/>; an RTP/RTCP pair shares one, pairs are spread over them); elsewhere each socket runs
/// its own asynchronous receive loop on the thread pool (<see cref="UdpRtpSocket"/>). Dispose stops the threads.
/// </summary>
public sealed class UdpRtpSocketFactory : IRtpSocketFactory, IDisposable
{
    private readonly Lock _lock = new();
    private readonly int _receiveThreads;
    private readonly bool _useEpoll;
    private readonly TimeSpan _pollInterval;
    private readonly int _nice;
    private readonly int _realtimePriority;
    private EpollReceiveLoop[]? _loops;
    private bool _disposed;

    /// <summary>Creates a factory with the default number of receive threads.</summary>
    public UdpRtpSocketFactory()
        : this(0)
    {
    }

    /// <summary>Creates a factory with <paramref name="receiveThreads"/> epoll threads (0: <see cref="DefaultReceiveThreads"/>).</summary>
    public UdpRtpSocketFactory(int receiveThreads)
        : this(receiveThreads, LinuxNative.IsSupported)
    {
    }

    /// <summary>
    /// Creates a factory; with <paramref name="useEpoll"/> false every socket uses the portable thread-pool
    /// receive loop even on Linux (for comparison and as a fallback).
    /// </summary>
    public UdpRtpSocketFactory(int receiveThreads, bool useEpoll)
        : this(receiveThreads, useEpoll, DefaultPollInterval)
    {
    }

    /// <summary>
    /// Creates a factory whose epoll threads poll with <paramref name="pollInterval"/> pauses while traffic
    /// flows (<see cref="TimeSpan.Zero"/>: always block in epoll_wait).
    /// </summary>
    public UdpRtpSocketFactory(int receiveThreads, bool useEpoll, TimeSpan pollInterval)
        : this(receiveThreads, useEpoll, pollInterval, 0)
    {
    }

    /// <summary>
    /// Creates a factory whose epoll threads also run at <paramref name="nice"/> (-20 to 19; below 0 needs
    /// CAP_SYS_NICE, otherwise ignored): media ahead of batch work on a shared machine; and, when
    /// <paramref name="realtimePriority"/> is 1–99, under the SCHED_RR real-time policy (CAP_SYS_NICE too).
    /// </summary>
    public UdpRtpSocketFactory(int receiveThreads, bool useEpoll, TimeSpan pollInterval, int nice, int realtimePriority = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nice, -20);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nice, 19);
        ArgumentOutOfRangeException.ThrowIfNegative(realtimePriority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(realtimePriority, 99);
        _nice = nice;
        _realtimePriority = realtimePriority;
        ArgumentOutOfRangeException.ThrowIfNegative(receiveThreads);
        ArgumentOutOfRangeException.ThrowIfLessThan(pollInterval, TimeSpan.Zero);
        _pollInterval = pollInterval;
        _receiveThreads = receiveThreads > 0 ? receiveThreads : DefaultReceiveThreads;
        _useEpoll = useEpoll && LinuxNative.IsSupported;
    }

    /// <summary>The default pause between polls of a busy receive thread.</summary>
    public static TimeSpan DefaultPollInterval => TimeSpan.FromMicroseconds(50);

    /// <summary>
    /// The number of receive threads used when none is configured: one per core, 1 to 4 (on the 2-core
    /// benchmark machine two threads halved the relay's tail latency compared with one).
    /// </summary>
    public static int DefaultReceiveThreads => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>True when sockets are served by epoll threads rather than the thread pool.</summary>
    public bool UsesEpoll => _useEpoll;

    /// <inheritdoc />
    public bool TryBind(IPAddress address, int port, out IRtpSocket? socket)
    {
        ArgumentNullException.ThrowIfNull(address);
        var s = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            s.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException)
        {
            s.Dispose();
            socket = null;
            return false;
        }

        try
        {
            // An RTP/RTCP pair (2n, 2n+1) shares a loop; consecutive pairs go to different loops.
            socket = _useEpoll && LoopFor(((IPEndPoint)s.LocalEndPoint!).Port / 2) is { } loop ? new EpollRtpSocket(s, loop) : new UdpRtpSocket(s);
            return true;
        }
        catch
        {
            s.Dispose(); // never leak the descriptor when the receive side cannot take it (e.g. out of descriptors)
            throw;
        }
    }

    /// <summary>Stops the receive threads.</summary>
    public void Dispose()
    {
        EpollReceiveLoop[]? loops;
        lock (_lock)
        {
            _disposed = true;
            loops = _loops;
        }

        foreach (var loop in loops ?? [])
        {
            loop.Dispose();
        }
    }

    private EpollReceiveLoop? LoopFor(int pair)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return null;
            }

            if (_loops is null)
            {
                var loops = new EpollReceiveLoop[_receiveThreads];
                for (var i = 0; i < loops.Length; i++)
                {
                    loops[i] = new EpollReceiveLoop($"vms-rtp-rx-{i}", _pollInterval, _nice, _realtimePriority);
                }

                _loops = loops;
            }

            return _loops[pair % _loops.Length];
        }
    }
}
