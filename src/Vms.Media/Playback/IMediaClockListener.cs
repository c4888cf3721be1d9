namespace Vms.Media.Playback;

/// <summary>Something paced by the <see cref="MediaClock"/>: a player, a recorder, an RTCP scheduler.</summary>
public interface IMediaClockListener
{
    /// <summary>Called once per 20 ms tick, on the clock's thread; must not block.</summary>
    void OnMediaTick(long tick);
}
