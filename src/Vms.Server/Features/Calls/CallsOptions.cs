using Vms.Server.Features.Calls.Limits;
using Vms.Server.Features.Calls.Records;
using Vms.Server.Features.Calls.Trunks;

namespace Vms.Server.Features.Calls;

/// <summary>Settings of live call handling (section "Calls").</summary>
public sealed class CallsOptions
{
    public const string Section = "Calls";

    /// <summary>Written in every call record: which node handled the call.</summary>
    public string NodeId { get; set; } = Environment.MachineName;

    /// <summary>Where VMS listens for SIP (UDP and TCP).</summary>
    public string SipAddress { get; set; } = "127.0.0.1";

    public int SipPort { get; set; } = 5060;

    /// <summary>Also listen on TCP (same port).</summary>
    public bool SipTcp { get; set; } = true;

    /// <summary>The address RTP is bound to and put in SDP.</summary>
    public string RtpAddress { get; set; } = "127.0.0.1";

    public int RtpMinPort { get; set; } = 40000;

    public int RtpMaxPort { get; set; } = 49999;

    /// <summary>
    /// SCHED_RR priority (1–99) of the RTP receive threads, so that relayed audio preempts other work on a busy
    /// host; 0 (default) keeps normal scheduling. Needs CAP_SYS_NICE (the systemd unit grants it); ignored without.
    /// </summary>
    public int RtpRealtimePriority { get; set; }

    /// <summary>
    /// Overload guard: the most calls this node handles at once; beyond it INVITEs get 503 with Retry-After.
    /// 0 (default): derived from the RTP port range and the process's open-file limit (two pairs a call).
    /// </summary>
    public int MaxConcurrentCalls { get; set; }

    /// <summary>File descriptors left for SIP, HTTP, the database and logs when deriving the limits from RLIMIT_NOFILE.</summary>
    public int FileDescriptorHeadroom { get; set; } = Vms.Telephony.Media.MediaCapacity.DefaultHeadroom;

    /// <summary>Retry-After (seconds) of the 503 sent when the node is full.</summary>
    public int OverloadRetryAfterSeconds { get; set; } = 5;

    /// <summary>Folder of prompt WAV files (default: prompts under Vms:DataDirectory) ({name}.wav); a missing prompt plays a short beep.</summary>
    public string PromptsFolder { get; set; } = "";

    /// <summary>Where the routing snapshot is saved for starts without the database (default: under Vms:DataDirectory).</summary>
    public string SnapshotFile { get; set; } = "";

    /// <summary>How often the routing snapshot is rebuilt from the database (off the call path).</summary>
    public TimeSpan SnapshotRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Demo mode: run the network simulator in-process as the outbound gateway and the caller of test calls.</summary>
    public bool NetSim { get; set; }

    /// <summary>Keep each call's SIP messages for the ladder view (remote diagnosis); off for load tests.</summary>
    public bool Ladder { get; set; } = true;

    /// <summary>The network simulator's SIP port (demo mode).</summary>
    public int NetSimPort { get; set; } = 5080;

    public TrunkOptions Trunks { get; } = new();

    public CallRateLimitOptions RateLimits { get; } = new();

    public CallRecordWriterOptions Records { get; } = new();

    /// <summary>Ring timeout of the target of a blind transfer (REFER).</summary>
    public int TransferRingTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// A REFER whose Refer-To is a SIP URI is dialled to that URI directly; false (default): only its number (user
    /// part) is dialled, through the outbound gateway, and a URI without a number is refused.
    /// </summary>
    public bool TransferToSipUris { get; set; }

    /// <summary>
    /// RTP inactivity timeout (seconds) of a connected call: no media from either leg for this long (neither leg on
    /// hold) → VMS sends BYE to both legs (Reason "media timeout") and records the outcome "media-timeout", so a call
    /// whose BYE was lost does not keep its slot and RTP ports forever. 0 turns it off.
    /// </summary>
    public int MediaTimeoutSeconds { get; set; } = 60;

    /// <summary>Ring timeout for calls a customer PBX places out through the gateway.</summary>
    public int PbxRingTimeoutSeconds { get; set; } = 60;
}
