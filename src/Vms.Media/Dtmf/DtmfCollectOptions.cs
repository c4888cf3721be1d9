namespace Vms.Media.Dtmf;

/// <summary>How to collect digits.</summary>
public sealed record DtmfCollectOptions
{
    /// <summary>Stop after this many digits.</summary>
    public int MaxDigits { get; init; } = 1;

    /// <summary>Key that ends input early (e.g. '#'), or null.</summary>
    public char? Terminator { get; init; }

    /// <summary>Time allowed for the first digit.</summary>
    public TimeSpan FirstDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed between digits.</summary>
    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Discard digits typed before collection started (type-ahead) instead of using them.</summary>
    public bool DiscardTypeAhead { get; init; }
}
