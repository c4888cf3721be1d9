namespace Vms.Media.Codecs;

/// <summary>The two G.711 companding laws.</summary>
public enum G711Law
{
    /// <summary>µ-law, RTP payload type 0 (PCMU).</summary>
    Ulaw = 0,

    /// <summary>A-law, RTP payload type 8 (PCMA).</summary>
    Alaw = 8,
}
