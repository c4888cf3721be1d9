using Vms.Sip.Messages;

namespace Vms.Sip;

/// <summary>Options of a <see cref="SipEndpoint"/>; timer values follow RFC 3261 §17 and Table 4.</summary>
public sealed record SipEndpointOptions
{
    /// <summary>RTT estimate, default 500 ms.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses, default 4 s.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum duration a message remains in the network, default 5 s.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>INVITE transaction timeout (Timer B) = 64·T1.</summary>
    public TimeSpan TimerB => 64 * T1;

    /// <summary>Non-INVITE transaction timeout (Timer F) = 64·T1.</summary>
    public TimeSpan TimerF => 64 * T1;

    /// <summary>Wait time for response retransmissions (Timer D) on UDP, at least 32 s.</summary>
    public TimeSpan TimerD => TimeSpan.FromSeconds(32) > 64 * T1 ? TimeSpan.FromSeconds(32) : 64 * T1;

    /// <summary>Wait time for ACK (Timer H) = 64·T1.</summary>
    public TimeSpan TimerH => 64 * T1;

    /// <summary>Wait time for non-INVITE request retransmissions (Timer J) = 64·T1.</summary>
    public TimeSpan TimerJ => 64 * T1;

    /// <summary>The User-Agent / Server header value.</summary>
    public string UserAgent { get; init; } = "VMS";

    /// <summary>Host written in Via and Contact when the transport is bound to a wildcard address.</summary>
    public string? AdvertisedHost { get; init; }

    /// <summary>Methods listed in Allow (OPTIONS answers, 405 answers).</summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } =
        [SipMethods.Invite, SipMethods.Ack, SipMethods.Cancel, SipMethods.Bye, SipMethods.Options, SipMethods.Update,
         SipMethods.Info, SipMethods.Notify, SipMethods.Register];

    /// <summary>Option tags this endpoint supports; a request requiring another one gets 420 (RFC 3261 §8.2.2.3).</summary>
    public IReadOnlyList<string> SupportedExtensions { get; init; } = [];

    /// <summary>Content types listed in Accept.</summary>
    public IReadOnlyList<string> AcceptedContentTypes { get; init; } = ["application/sdp"];

    /// <summary>When true (default) OPTIONS outside a dialog are answered 200 with Allow/Accept without calling the handler.</summary>
    public bool AnswerOptionsAutomatically { get; init; } = true;

    /// <summary>Throws when a value is out of range; call at start-up.</summary>
    public void Validate()
    {
        if (T1 <= TimeSpan.Zero || T2 < T1 || T4 <= TimeSpan.Zero)
        {
            throw new ArgumentException("SIP timers need T1 > 0, T2 >= T1 and T4 > 0.");
        }
    }
}
