namespace Vms.Media.Wav;

/// <summary>The differences between a file and the OB2 format; valid when there are none.</summary>
public sealed record Ob2ValidationResult(IReadOnlyList<string> Differences)
{
    /// <summary>True when the file is OB2.</summary>
    public bool IsValid => Differences.Count == 0;
}
