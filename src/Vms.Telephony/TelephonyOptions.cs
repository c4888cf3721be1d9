using Vms.Media.Codecs;

namespace Vms.Telephony;

/// <summary>Call-layer settings.</summary>
public sealed class TelephonyOptions
{
    /// <summary>Codecs by preference when VMS chooses.</summary>
    public IReadOnlyList<G711Law> Codecs { get; set; } = [G711Law.Alaw, G711Law.Ulaw];

    /// <summary>Payload type of telephone-event in our offers.</summary>
    public byte TelephoneEventPayloadType { get; set; } = 101;

    /// <summary>How long to wait for the final response after CANCEL before giving the leg up.</summary>
    public TimeSpan CancelGrace { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a transfer waits for the transferor to answer a NOTIFY before going on (BYE, bridge back).</summary>
    public TimeSpan NotifyWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// RTP inactivity timeout of a bridged call: when VMS received no media on either leg for this long (and neither
    /// leg is on hold), it ends the call with BYE to both legs (<c>Reason: SIP;cause=200;text="media timeout"</c>).
    /// <see cref="TimeSpan.Zero"/> turns it off.
    /// </summary>
    public TimeSpan MediaTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a bridged call's packet counters are read for <see cref="MediaTimeout"/> (one timer per bridge).</summary>
    public TimeSpan MediaCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
