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

    /// <summary>Ring timeout for calls a customer PBX places out through the gateway.</summary>
    public int PbxRingTimeoutSeconds { get; set; } = 60;
}
