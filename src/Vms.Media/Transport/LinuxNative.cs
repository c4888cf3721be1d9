using System.Runtime.InteropServices;

namespace Vms.Media.Transport;

/// <summary>
/// The few Linux system calls the epoll receive engine uses (libc, 64-bit x64 and arm64 only). Only blittable
/// arguments: buffers are passed as <c>ref byte</c> (pinned for the call) or as addresses of arrays allocated
/// on the pinned object heap, so no unsafe code is needed.
/// </summary>
internal static class LinuxNative
{
    public const int EpollCloexec = 0x80000;
    public const int EpollCtlAdd = 1;
    public const int EpollCtlDel = 2;
    public const uint EpollIn = 0x001;
    public const int MsgDontWait = 0x40;
    public const int EfdCloexec = 0x80000;
    public const int EfdNonblock = 0x800;
    public const int EIntr = 4;
    public const int EAgain = 11;
    public const int PrSetTimerSlack = 29;
    public const int PrioProcess = 0;

    // struct mmsghdr on LP64: msghdr (56 bytes) + unsigned msg_len + padding.
    public const int MmsghdrSize = 64;
    public const int MsgNameOffset = 0;
    public const int MsgNameLenOffset = 8;
    public const int MsgIovOffset = 16;
    public const int MsgIovLenOffset = 24;
    public const int MsgLenOffset = 56;
    public const int IovecSize = 16;
    public const int SockaddrCapacity = 32; // sockaddr_in6 is 28 bytes

    private const string Libc = "libc";

    /// <summary>True where this engine can run: Linux on a 64-bit x64 or arm64 process.</summary>
    public static bool IsSupported =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>struct epoll_event is packed on x64 (12 bytes), naturally aligned elsewhere (16 bytes).</summary>
    public static int EpollEventSize => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    /// <summary>Offset of epoll_data in struct epoll_event.</summary>
    public static int EpollDataOffset => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    [DllImport(Libc, EntryPoint = "epoll_create1", SetLastError = true)]
    public static extern int EpollCreate(int flags);

    [DllImport(Libc, EntryPoint = "epoll_ctl", SetLastError = true)]
    public static extern int EpollCtl(int epfd, int op, int fd, ref byte epollEvent);

    [DllImport(Libc, EntryPoint = "epoll_wait", SetLastError = true)]
    public static extern int EpollWait(int epfd, nint events, int maxEvents, int timeoutMs);

    [DllImport(Libc, EntryPoint = "recvmmsg", SetLastError = true)]
    public static extern int RecvMmsg(int fd, nint messages, uint count, int flags, nint timeout);

    [DllImport(Libc, EntryPoint = "sendto", SetLastError = true)]
    public static extern nint SendTo(int fd, ref byte buffer, nuint length, int flags, ref byte address, int addressLength);

    [DllImport(Libc, EntryPoint = "eventfd", SetLastError = true)]
    public static extern int EventFd(uint initial, int flags);

    [DllImport(Libc, EntryPoint = "write", SetLastError = true)]
    public static extern nint Write(int fd, ref ulong value, nuint length);

    [DllImport(Libc, EntryPoint = "read", SetLastError = true)]
    public static extern nint Read(int fd, ref ulong value, nuint length);

    [DllImport(Libc, EntryPoint = "usleep")]
    public static extern int USleep(uint microseconds);

    [DllImport(Libc, EntryPoint = "prctl")]
    public static extern int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [DllImport(Libc, EntryPoint = "gettid")]
    public static extern int GetTid();

    [DllImport(Libc, EntryPoint = "setpriority", SetLastError = true)]
    public static extern int SetPriority(int which, int who, int priority);

    public const int SchedRoundRobin = 2;

    /// <summary>sched_setscheduler with a struct sched_param holding only its priority; pid 0 is the calling thread.</summary>
    [DllImport(Libc, EntryPoint = "sched_setscheduler", SetLastError = true)]
    public static extern int SetScheduler(int pid, int policy, ref int priority);

    [DllImport(Libc, EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);
}
