using System.Net;
using Vms.Media.Codecs;
using Vms.Media.Transport;

namespace Vms.Media;

/// <summary>Settings of a <see cref="MediaEngine"/>; checked by <see cref="Validate"/> at start-up.</summary>
public sealed record MediaEngineOptions
{
    /// <summary>Address RTP sockets bind to.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Address written in SDP (defaults to <see cref="BindAddress"/>; set it when binding to Any).</summary>
    public IPAddress? AdvertisedAddress { get; init; }

    /// <summary>First port of the RTP range (even ports carry RTP, the next odd port RTCP).</summary>
    public int MinPort { get; init; } = 40000;

    /// <summary>Last port of the RTP range.</summary>
    public int MaxPort { get; init; } = 49999;

    /// <summary>Codecs in our order of preference.</summary>
    public IReadOnlyList<G711Law> Codecs { get; init; } = [G711Law.Alaw, G711Law.Ulaw];

    /// <summary>Payload type we offer for telephone-event.</summary>
    public byte TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>How long a latched RTP source must be silent before a new one can take over.</summary>
    public TimeSpan RelatchAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Dedicated RTP receive threads (Linux epoll engine); 0 picks <see cref="UdpRtpSocketFactory.DefaultReceiveThreads"/>.
    /// Ignored where the engine falls back to the thread pool, and with a custom socket factory.
    /// </summary>
    public int ReceiveThreads { get; init; }

    /// <summary>
    /// Pause between polls of a busy receive thread (Linux epoll engine); <see cref="TimeSpan.Zero"/> always
    /// blocks in epoll_wait. Adds at most about this much latency; saves a wake-up per packet under load.
    /// </summary>
    public TimeSpan ReceivePollInterval { get; init; } = UdpRtpSocketFactory.DefaultPollInterval;

    /// <summary>
    /// Nice value of the receive threads (Linux epoll engine): 0 leaves them as they are; a negative value
    /// (e.g. -10, needs CAP_SYS_NICE, ignored without it) keeps media ahead of batch work on a shared host.
    /// </summary>
    public int ReceiveThreadNice { get; init; }

    /// <summary>
    /// SCHED_RR priority of the receive threads (Linux epoll engine): 0 keeps normal scheduling; 1–99 (e.g. 10,
    /// needs CAP_SYS_NICE, ignored without it) lets an arriving packet preempt other work at once, which keeps
    /// the relay's tail latency down on a busy host.
    /// </summary>
    public int ReceiveThreadRealtimePriority { get; init; }

    /// <summary>The address put in SDP.</summary>
    public IPAddress SdpAddress => AdvertisedAddress ?? BindAddress;

    /// <summary>Problems with these settings; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MinPort is < 1024 or > 65534)
        {
            problems.Add($"MinPort {MinPort} must be within 1024–65534");
        }

        if (MaxPort < MinPort + 1 || MaxPort > 65535)
        {
            problems.Add($"MaxPort {MaxPort} must be within MinPort+1–65535");
        }

        if (ReceiveThreads is < 0 or > 64)
        {
            problems.Add($"ReceiveThreads {ReceiveThreads} must be within 0–64 (0: automatic)");
        }

        if (ReceivePollInterval < TimeSpan.Zero || ReceivePollInterval > TimeSpan.FromMilliseconds(10))
        {
            problems.Add($"ReceivePollInterval {ReceivePollInterval} must be within 0–10 ms");
        }

        if (ReceiveThreadRealtimePriority is < 0 or > 99)
        {
            problems.Add($"ReceiveThreadRealtimePriority {ReceiveThreadRealtimePriority} must be within 0–99");
        }

        if (ReceiveThreadNice is < -20 or > 19)
        {
            problems.Add($"ReceiveThreadNice {ReceiveThreadNice} must be within -20–19");
        }

        if (Codecs.Count == 0)
        {
            problems.Add("at least one codec is needed");
        }

        if (TelephoneEventPayloadType is < 96 or > 127)
        {
            problems.Add($"telephone-event payload type {TelephoneEventPayloadType} is not dynamic (96–127)");
        }

        if (SdpAddress.Equals(IPAddress.Any) || SdpAddress.Equals(IPAddress.IPv6Any))
        {
            problems.Add("AdvertisedAddress is required when binding to the any address");
        }

        return problems;
    }
}
