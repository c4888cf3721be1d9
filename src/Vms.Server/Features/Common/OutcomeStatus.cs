namespace Vms.Server.Features.Common;

public enum OutcomeStatus
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
}
