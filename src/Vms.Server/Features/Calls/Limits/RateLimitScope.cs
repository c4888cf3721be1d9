namespace Vms.Server.Features.Calls.Limits;

/// <summary>Which limit refused a call.</summary>
internal enum RateLimitScope
{
    None,
    Number,
    Source,
}
