namespace Vms.Server.Features.Calls.Records;

/// <summary>Where call records end up (the database). Saving must be idempotent per <see cref="CallRecordData.CallId"/>:
/// a replayed spool may bring a record again.</summary>
public interface ICallRecordStore
{
    Task SaveAsync(IReadOnlyList<CallRecordData> batch, CancellationToken cancellationToken);
}
