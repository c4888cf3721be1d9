namespace Vms.Media.Dtmf;

/// <summary>A completed DTMF key press.</summary>
/// <param name="Digit">0–9, *, #, A–D.</param>
/// <param name="Timestamp">RTP timestamp of the event start (0 for in-band detection).</param>
/// <param name="Duration">Duration in 8 kHz timestamp units.</param>
/// <param name="EndSeen">False when the event was ended by a timeout or a following event rather than an E bit.</param>
public readonly record struct DtmfEvent(char Digit, uint Timestamp, int Duration, bool EndSeen);
