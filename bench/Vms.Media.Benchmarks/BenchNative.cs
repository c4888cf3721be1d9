using System.Runtime.InteropServices;

namespace Vms.Media.Benchmarks;

/// <summary>libc calls used by the load generator (Linux, 64-bit): batched UDP send/receive, clocks, sleep.</summary>
internal static class BenchNative
{
    public const int MsgWaitForOne = 0x10000;
    public const int MsgDontWait = 0x40;
    public const int SolSocket = 1;
    public const int SoTimestampNs = 35;
    public const int ClockRealtime = 0;
    public const int MmsghdrSize = 64;

    private const string Libc = "libc";

    public static bool IsSupported =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    [DllImport(Libc, EntryPoint = "recvmmsg", SetLastError = true)]
    public static extern int RecvMmsg(int fd, nint messages, uint count, int flags, nint timeout);

    [DllImport(Libc, EntryPoint = "sendmmsg", SetLastError = true)]
    public static extern int SendMmsg(int fd, nint messages, uint count, int flags);

    [DllImport(Libc, EntryPoint = "setsockopt", SetLastError = true)]
    public static extern int SetSockOpt(int fd, int level, int name, ref int value, int length);

    [DllImport(Libc, EntryPoint = "clock_gettime")]
    public static extern int ClockGetTime(int clock, out Timespec time);

    [DllImport(Libc, EntryPoint = "usleep")]
    public static extern int USleep(uint microseconds);

    /// <summary>CLOCK_REALTIME in nanoseconds (the clock of SO_TIMESTAMPNS).</summary>
    public static long RealtimeNs()
    {
        _ = ClockGetTime(ClockRealtime, out var t);
        return (t.Seconds * 1_000_000_000) + t.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
