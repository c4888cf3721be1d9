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
}
