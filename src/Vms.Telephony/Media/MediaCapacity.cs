namespace Vms.Telephony.Media;

/// <summary>
/// How many RTP/RTCP port pairs this process can hold at once: never more than the port range has, and never more
/// than the open-file limit allows (two sockets per pair) after leaving headroom for SIP, HTTP and the database.
/// </summary>
public static class MediaCapacity
{
    /// <summary>File descriptors kept free for everything that is not RTP (SIP sockets, TCP connections, HTTP, database, logs).</summary>
    public const int DefaultHeadroom = 512;

    /// <summary>
    /// The soft RLIMIT_NOFILE of this process, read from /proc/self/limits (Linux); null when unknown (other systems)
    /// or unlimited.
    /// </summary>
    public static long? OpenFileLimit()
    {
        try
        {
            return File.Exists("/proc/self/limits") ? ParseOpenFileLimit(File.ReadAllText("/proc/self/limits")) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The soft limit of the "Max open files" line of a /proc/PID/limits text; null when absent or "unlimited".</summary>
    public static long? ParseOpenFileLimit(string limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        foreach (var line in limits.Split('\n'))
        {
            if (!line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 0 && long.TryParse(fields[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var soft)
                ? soft
                : null;
        }

        return null;
    }

    /// <summary>
    /// The port pairs the file limit allows: (limit − headroom) / 2, at least 0; <see cref="int.MaxValue"/> when the
    /// limit is unknown.
    /// </summary>
    public static int PairsForFileLimit(long? openFileLimit, int headroom = DefaultHeadroom) =>
        openFileLimit is not { } limit ? int.MaxValue : (int)Math.Clamp((limit - headroom) / 2, 0, int.MaxValue);
}
