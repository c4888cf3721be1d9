namespace Vms.Domain.Routing.Versions;

/// <summary>Lifecycle of a tree version: at most one draft and one published version per tree.</summary>
public enum TreeVersionState
{
    Draft,
    Published,
    Archived,
}
