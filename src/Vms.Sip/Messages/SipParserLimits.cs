namespace Vms.Sip.Messages;

/// <summary>Limits that protect the parser from oversized input.</summary>
public sealed record SipParserLimits
{
    /// <summary>The defaults: 64 KiB messages, 128 header lines, 8 KiB per line.</summary>
    public static SipParserLimits Default { get; } = new();

    /// <summary>Maximum message size in bytes, headers and body.</summary>
    public int MaxMessageSize { get; init; } = 64 * 1024;

    /// <summary>Maximum number of header lines.</summary>
    public int MaxHeaderCount { get; init; } = 128;

    /// <summary>Maximum length of one line (folded lines count separately).</summary>
    public int MaxLineLength { get; init; } = 8 * 1024;
}
