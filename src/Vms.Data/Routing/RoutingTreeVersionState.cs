namespace Vms.Data.Routing;

public enum RoutingTreeVersionState
{
    Draft,
    Published,
    Archived,
}
