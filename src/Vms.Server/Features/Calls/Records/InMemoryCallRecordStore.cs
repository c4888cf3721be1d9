using System.Collections.Concurrent;

namespace Vms.Server.Features.Calls.Records;

/// <summary>Call records kept in memory (a standalone node for tests and benchmarks).</summary>
public sealed class InMemoryCallRecordStore : ICallRecordStore
{
    private readonly ConcurrentDictionary<Guid, CallRecordData> _records = new();

    public IReadOnlyList<CallRecordData> Records => _records.Values.OrderBy(r => r.SetupAt).ToList();

    public Task SaveAsync(IReadOnlyList<CallRecordData> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var record in batch)
        {
            _records[record.CallId] = record;
        }

        return Task.CompletedTask;
    }
}
