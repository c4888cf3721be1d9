namespace Vms.Domain.Tenancy;

/// <summary>The four formulas (REQUIREMENTS F1).</summary>
public enum Formula
{
    Classic,
    Drs,
    VoiceContinuity,
    Outbound,
}
