namespace Vms.Media.Sdp;

/// <summary>How an offer/answer step ended.</summary>
public enum NegotiationStatus
{
    /// <summary>A common audio codec was found.</summary>
    Accepted,

    /// <summary>The offer has audio but no codec we support: the call layer answers 488 Not Acceptable Here.</summary>
    NoCommonCodec,

    /// <summary>The description has no usable audio stream (none, or all refused with port 0): 488 as well.</summary>
    NoAudioStream,

    /// <summary>The body did not parse (see the reason): 400 or 488 at the call layer's choice.</summary>
    Malformed,

    /// <summary>An answer chose something that was not in our offer.</summary>
    AnswerNotInOffer,
}
