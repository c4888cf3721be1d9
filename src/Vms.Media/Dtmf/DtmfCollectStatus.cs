namespace Vms.Media.Dtmf;

/// <summary>Why digit collection ended.</summary>
public enum DtmfCollectStatus
{
    /// <summary>The maximum number of digits was reached.</summary>
    MaxDigits,

    /// <summary>The terminator key was pressed (not included in the digits).</summary>
    Terminator,

    /// <summary>No digit came within the first-digit timeout.</summary>
    FirstDigitTimeout,

    /// <summary>No further digit came within the inter-digit timeout (digits may be non-empty).</summary>
    InterDigitTimeout,

    /// <summary>The caller cancelled.</summary>
    Cancelled,

    /// <summary>The media session ended.</summary>
    SessionEnded,
}
