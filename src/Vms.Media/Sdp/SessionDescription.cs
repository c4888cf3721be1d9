namespace Vms.Media.Sdp;

/// <summary>
/// A parsed session description (RFC 4566). Session-level lines other than v/o/s/c/t/m/a are kept verbatim in
/// <see cref="OtherLines"/> in order so that the description round-trips.
/// </summary>
public sealed record SessionDescription(
    SdpOrigin Origin,
    string SessionName,
    SdpConnection? Connection,
    IReadOnlyList<string> Timing,
    IReadOnlyList<SdpAttributeLine> Attributes,
    IReadOnlyList<MediaDescription> Media,
    IReadOnlyList<string> OtherLines)
{
    /// <summary>The session-level direction attribute, or null.</summary>
    public MediaDirection? Direction => DirectionOf(Attributes);

    /// <summary>The connection that applies to <paramref name="media"/> (its own, else the session's).</summary>
    public SdpConnection? ConnectionFor(MediaDescription media) => media.Connection ?? Connection;

    /// <summary>The effective direction of <paramref name="media"/> (media level, session level, sendrecv).</summary>
    public MediaDirection DirectionFor(MediaDescription media) => media.Direction ?? Direction ?? MediaDirection.SendRecv;

    internal static MediaDirection? DirectionOf(IReadOnlyList<SdpAttributeLine> attributes)
    {
        MediaDirection? result = null;
        foreach (var a in attributes)
        {
            if (a.Value is not null)
            {
                continue;
            }

            switch (a.Name.ToLowerInvariant())
            {
                case "sendrecv": result = MediaDirection.SendRecv; break;
                case "sendonly": result = MediaDirection.SendOnly; break;
                case "recvonly": result = MediaDirection.RecvOnly; break;
                case "inactive": result = MediaDirection.Inactive; break;
                default: break;
            }
        }

        return result;
    }
}
