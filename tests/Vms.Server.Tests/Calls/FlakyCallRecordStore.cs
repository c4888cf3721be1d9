using Vms.Server.Features.Calls.Records;

namespace Vms.Server.Tests.Calls;

/// <summary>An in-memory store that throws while <see cref="Failing"/> is set, like a database that is down.</summary>
internal sealed class FlakyCallRecordStore : ICallRecordStore
{
    private readonly Dictionary<Guid, CallRecordData> _saved = [];

    public bool Failing { get; set; }

    public int Calls { get; private set; }

    public IReadOnlyCollection<CallRecordData> Saved => _saved.Values;

    public Task SaveAsync(IReadOnlyList<CallRecordData> batch, CancellationToken cancellationToken)
    {
        Calls++;
        if (Failing)
        {
            throw new InvalidOperationException("database is down");
        }

        foreach (var record in batch)
        {
            _saved[record.CallId] = record;
        }

        return Task.CompletedTask;
    }
}
