namespace Vms.Domain.Routing.Versions;

/// <summary>
/// The outcome of a version operation: the versions to store (<see cref="Changed"/> are the ones to insert or
/// update), or an error and nothing to change.
/// </summary>
public sealed record VersionResult(IReadOnlyList<TreeVersion> Changed, string? Error)
{
    public bool Succeeded => Error is null;

    public static VersionResult Fail(string error) => new([], error);
}
