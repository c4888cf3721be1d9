namespace Vms.Media.Sdp;

/// <summary>Outcome of parsing SDP: a description, or the reason it was refused.</summary>
public sealed record SdpParseResult(SessionDescription? Description, string? Error)
{
    /// <summary>True when <see cref="Description"/> is set.</summary>
    public bool IsSuccess => Description is not null;

    internal static SdpParseResult Fail(string reason) => new(null, reason);
}
