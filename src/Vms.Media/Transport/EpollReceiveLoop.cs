using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Vms.Media.Transport;

/// <summary>
/// One dedicated receive thread over a Linux epoll instance: sockets registered here are read with recvmmsg
/// (every datagram waiting in one system call) and delivered to their receiver on this thread, with no thread
/// pool hop and no allocation. Level-triggered, so a socket with more datagrams than one batch is simply
/// reported again. Sockets are found through a slot table keyed by (generation, index) in the epoll data, so
/// an event that races with a socket's removal is ignored rather than delivered to a newcomer.
/// <para>
/// Adaptive polling: while traffic flows the thread does not block in epoll_wait but polls it (timeout 0)
/// and pauses <see cref="PollInterval"/> when nothing is ready; after <see cref="IdlePollsBeforeBlocking"/>
/// empty polls in a row it blocks again. A blocked thread must be woken by every sender's system call (an
/// inter-processor interrupt, expensive in a VM); a polling one is never waited for, which cut the relay's
/// CPU per packet and its tail latency under load. An idle engine blocks and costs nothing.
/// </para>
/// </summary>
internal sealed class EpollReceiveLoop : IDisposable
{
    private const int MaxEvents = 256;
    private const ulong WakeKey = ulong.MaxValue;
    private const int IdlePollsBeforeBlocking = 200;
    private readonly Lock _lock = new();
    private readonly int _epoll;
    private readonly int _wake;
    private readonly Thread _thread;
    private readonly ReceiveBatch _batch = new();
    private readonly byte[] _events = GC.AllocateArray<byte>(MaxEvents * 16, pinned: true);
    private readonly Stack<int> _free = new();
    private EpollRtpSocket?[] _slots = new EpollRtpSocket?[64];
    private int _used;
    private uint _generation;
    private volatile bool _stopping;
    private long _faults;
    private Exception? _lastFault;

    public EpollReceiveLoop(string name, TimeSpan pollInterval, int nice = 0, int realtimePriority = 0)
    {
        PollInterval = pollInterval;
        Nice = nice;
        RealtimePriority = realtimePriority;
        _epoll = LinuxNative.EpollCreate(LinuxNative.EpollCloexec);
        if (_epoll < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed (errno {Marshal.GetLastPInvokeError()})");
        }

        _wake = LinuxNative.EventFd(0, LinuxNative.EfdCloexec | LinuxNative.EfdNonblock);
        if (_wake < 0 || !Control(LinuxNative.EpollCtlAdd, _wake, WakeKey))
        {
            _ = LinuxNative.Close(_epoll);
            throw new InvalidOperationException($"eventfd failed (errno {Marshal.GetLastPInvokeError()})");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = name, Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>The pause between polls while busy; zero always blocks in epoll_wait.</summary>
    public TimeSpan PollInterval { get; }

    /// <summary>The nice value asked for the thread (0: unchanged; below 0 needs CAP_SYS_NICE).</summary>
    public int Nice { get; }

    /// <summary>True when <see cref="Nice"/> was applied (false without the privilege).</summary>
    public bool NiceApplied { get; private set; }

    /// <summary>The SCHED_RR priority asked for the thread (0: normal scheduling; 1–99 need CAP_SYS_NICE).</summary>
    public int RealtimePriority { get; }

    /// <summary>True when <see cref="RealtimePriority"/> was applied (false without the privilege).</summary>
    public bool RealtimeApplied { get; private set; }

    /// <summary>The managed id of the loop thread.</summary>
    public int ThreadId => _thread.ManagedThreadId;

    /// <summary>Exceptions thrown by receivers (caught so the loop goes on).</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>The last exception a receiver threw, for diagnostics.</summary>
    public Exception? LastFault => Volatile.Read(ref _lastFault);

    /// <summary>Sockets registered.</summary>
    public int Count => Volatile.Read(ref _used);

    /// <summary>Starts watching <paramref name="socket"/>; returns its key (for <see cref="Remove"/>).</summary>
    public ulong Add(EpollRtpSocket socket, int fd)
    {
        ulong key;
        lock (_lock)
        {
            int index;
            if (_free.Count > 0)
            {
                index = _free.Pop();
            }
            else
            {
                index = _used;
                if (index == _slots.Length)
                {
                    var grown = new EpollRtpSocket?[_slots.Length * 2];
                    _slots.CopyTo(grown, 0);
                    Volatile.Write(ref _slots, grown);
                }
            }

            _used++;
            _generation++;
            key = ((ulong)_generation << 32) | (uint)index;
            socket.Key = key;
            Volatile.Write(ref _slots[index], socket);
        }

        if (!_stopping && !Control(LinuxNative.EpollCtlAdd, fd, key))
        {
            Remove(key, fd);
            throw new InvalidOperationException($"epoll_ctl ADD failed (errno {Marshal.GetLastPInvokeError()})");
        }

        return key;
    }

    /// <summary>Stops watching a socket (before it is closed).</summary>
    public void Remove(ulong key, int fd)
    {
        if (!_stopping)
        {
            Control(LinuxNative.EpollCtlDel, fd, key);
        }

        lock (_lock)
        {
            var index = (int)(uint)key;
            if (index < _slots.Length && _slots[index]?.Key == key)
            {
                Volatile.Write(ref _slots[index], null);
                _free.Push(index);
                _used--;
            }
        }
    }

    /// <summary>Stops the thread and closes the epoll instance (sockets still registered stop receiving).</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        ulong one = 1;
        _ = LinuxNative.Write(_wake, ref one, sizeof(ulong));
        if (Environment.CurrentManagedThreadId != ThreadId)
        {
            _thread.Join(TimeSpan.FromSeconds(2));
        }
    }

    private bool Control(int op, int fd, ulong key)
    {
        Span<byte> ev = stackalloc byte[16];
        ev.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, LinuxNative.EpollIn);
        BinaryPrimitives.WriteUInt64LittleEndian(ev[LinuxNative.EpollDataOffset..], key);
        return LinuxNative.EpollCtl(_epoll, op, fd, ref ev[0]) == 0;
    }

    /// <summary>Counts an exception a receiver threw (the loop goes on).</summary>
    internal void ReportFault(Exception e)
    {
        Interlocked.Increment(ref _faults);
        Volatile.Write(ref _lastFault, e);
    }

    private void Run()
    {
        var stride = LinuxNative.EpollEventSize;
        var dataOffset = LinuxNative.EpollDataOffset;
        var events = Marshal.UnsafeAddrOfPinnedArrayElement(_events, 0);
        var pause = (uint)Math.Clamp(PollInterval.Ticks / TimeSpan.TicksPerMicrosecond, 0, 100_000);
        if (pause > 0)
        {
            _ = LinuxNative.Prctl(LinuxNative.PrSetTimerSlack, 5_000, 0, 0, 0); // 5 µs: the pause is short
        }

        if (Nice != 0)
        {
            // Media threads ahead of batch work, as telephony servers run them; best effort (needs CAP_SYS_NICE).
            NiceApplied = LinuxNative.SetPriority(LinuxNative.PrioProcess, LinuxNative.GetTid(), Nice) == 0;
        }

        if (RealtimePriority > 0)
        {
            // Real-time round robin, as media servers run their RTP threads (FreeSWITCH -rp): a packet that arrives
            // preempts ordinary work at once instead of waiting for a time slice. The thread cannot starve the
            // host: it sleeps between polls when idle, and the kernel caps real-time threads at 95 % of a CPU.
            var priority = RealtimePriority;
            RealtimeApplied = LinuxNative.SetScheduler(0, LinuxNative.SchedRoundRobin, ref priority) == 0;
        }

        var emptyPolls = IdlePollsBeforeBlocking;
        while (!_stopping)
        {
            var polling = pause > 0 && emptyPolls < IdlePollsBeforeBlocking;
            var n = LinuxNative.EpollWait(_epoll, events, MaxEvents, polling ? 0 : -1);
            if (n == 0 && polling)
            {
                emptyPolls++;
                _ = LinuxNative.USleep(pause);
                continue;
            }

            emptyPolls = 0;
            if (n < 0)
            {
                if (Marshal.GetLastPInvokeError() == LinuxNative.EIntr)
                {
                    continue;
                }

                break;
            }

            for (var i = 0; i < n && !_stopping; i++)
            {
                var key = BinaryPrimitives.ReadUInt64LittleEndian(_events.AsSpan((i * stride) + dataOffset));
                if (key == WakeKey)
                {
                    continue;
                }

                var slots = Volatile.Read(ref _slots);
                var index = (int)(uint)key;
                if (index < slots.Length && Volatile.Read(ref slots[index]) is { } socket && socket.Key == key)
                {
                    socket.OnReadable(_batch);
                }
            }
        }

        _ = LinuxNative.Close(_wake);
        _ = LinuxNative.Close(_epoll);
    }
}
