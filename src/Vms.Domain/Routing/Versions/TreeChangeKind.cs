namespace Vms.Domain.Routing.Versions;

public enum TreeChangeKind
{
    Added,
    Removed,
    Changed,
}
