using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vms.Server.Features.Calls.Records;

namespace Vms.Server.Tests.Calls;

public sealed class CallRecordWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vms-spool-" + Guid.NewGuid().ToString("N"));
    private readonly FlakyCallRecordStore _store = new();

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private readonly FakeTimeProvider _time = new();

    private CallRecordWriter CreateWriter(int capacity = 1000, int batch = 3, int delayMs = 0) => new(
        _store,
        new CallRecordSpool(Path.Combine(_dir, "records.jsonl")),
        new CallRecordWriterOptions { QueueCapacity = capacity, BatchSize = batch, BatchDelay = TimeSpan.FromMilliseconds(delayMs) },
        _time,
        NullLogger<CallRecordWriter>.Instance);

    private static CallRecordData Record(int i) => new()
    {
        CallId = Guid.NewGuid(),
        SipCallId = $"call-{i}@test",
        CalledNumber = "+3221110000",
        CallerNumber = "+3247500000" + i,
        SetupAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
        EndedAt = DateTimeOffset.UnixEpoch.AddSeconds(i + 10),
        Outcome = "answered",
        SipStatus = 200,
        RouteTrace = "forward to +3221110000",
        Legs = [new CallLegData { Index = 0, Destination = "+3221110000", SetupAt = DateTimeOffset.UnixEpoch, EndedAt = DateTimeOffset.UnixEpoch, Outcome = "answered", Rerouted = true }],
    };

    [Fact]
    public async Task DrainAsync_StoreUp_SavesInBatches()
    {
        var writer = CreateWriter();
        for (var i = 0; i < 7; i++)
        {
            writer.Enqueue(Record(i));
        }

        var drained = await writer.DrainAsync(CancellationToken.None);

        Assert.Equal(7, drained);
        Assert.Equal(7, _store.Saved.Count);
        Assert.Equal(3, _store.Calls);
        Assert.Equal(7, writer.Stored);
        Assert.False(writer.Spool.HasPending);
    }

    [Fact]
    public async Task DrainAsync_StoreDownThenBack_SpooledThenReplayedNothingLost()
    {
        var writer = CreateWriter();
        _store.Failing = true;
        var records = Enumerable.Range(0, 10).Select(Record).ToList();
        foreach (var r in records.Take(5))
        {
            writer.Enqueue(r);
        }

        await writer.DrainAsync(CancellationToken.None);
        Assert.Equal(5, writer.Spool.PendingCount);
        Assert.False(await writer.ReplayAsync(CancellationToken.None));

        _store.Failing = false;
        foreach (var r in records.Skip(5))
        {
            writer.Enqueue(r);
        }

        await writer.DrainAsync(CancellationToken.None);
        Assert.Equal(10, writer.Spool.PendingCount);
        Assert.Empty(_store.Saved);

        Assert.True(await writer.ReplayAsync(CancellationToken.None));

        Assert.Equal(records.Select(r => r.CallId).Order(), _store.Saved.Select(r => r.CallId).Order());
        Assert.False(writer.Spool.HasPending);
        Assert.False(File.Exists(writer.Spool.FilePath));
        var back = _store.Saved.Single(r => r.CallId == records[3].CallId);
        Assert.Equal(records[3].CallerNumber, back.CallerNumber);
        Assert.True(back.Legs[0].Rerouted);
    }

    [Fact]
    public async Task ReplayAsync_StoreFailsMidway_KeepsOnlyUnsavedRecords()
    {
        var writer = CreateWriter(batch: 2);
        _store.Failing = true;
        for (var i = 0; i < 4; i++)
        {
            writer.Enqueue(Record(i));
        }

        await writer.DrainAsync(CancellationToken.None);
        Assert.Equal(4, writer.Spool.PendingCount);

        var spool = new CallRecordSpool(writer.Spool.FilePath);
        var firstTwo = spool.ReadAll().Take(2).ToList();
        _store.Failing = false;
        await _store.SaveAsync(firstTwo, CancellationToken.None);
        spool.Replace(spool.ReadAll().Skip(2).ToList());

        Assert.True(await writer.ReplayAsync(CancellationToken.None));
        Assert.Equal(4, _store.Saved.Count);
    }

    [Fact]
    public async Task Enqueue_QueueFull_SpoolsInsteadOfBlocking()
    {
        var writer = CreateWriter(capacity: 2);

        for (var i = 0; i < 5; i++)
        {
            writer.Enqueue(Record(i));
        }

        Assert.Equal(3, writer.Overflowed);
        Assert.Equal(3, writer.Spool.PendingCount);
        await writer.DrainAsync(CancellationToken.None);
        Assert.True(await writer.ReplayAsync(CancellationToken.None));
        Assert.Equal(5, _store.Saved.Count);
    }

    [Fact]
    public void ReadAll_TornLastLine_SkippedAndCounted()
    {
        var spool = new CallRecordSpool(Path.Combine(_dir, "torn.jsonl"));
        spool.Append([Record(1), Record(2)]);
        File.AppendAllText(spool.FilePath, "{\"CallId\":\"0000");

        var back = new CallRecordSpool(spool.FilePath).ReadAll();

        Assert.Equal(2, back.Count);
    }

    [Fact]
    public async Task RunAsync_RecordsThenComplete_AllStored()
    {
        var writer = CreateWriter();
        var run = writer.RunAsync(CancellationToken.None);
        for (var i = 0; i < 20; i++)
        {
            writer.Enqueue(Record(i));
        }

        writer.Complete();
        await run;

        Assert.Equal(20, _store.Saved.Count);
    }

    [Fact]
    public async Task RunAsync_BatchDelay_RecordsArrivingTogetherAreWrittenInOneBatchAfterTheDelay()
    {
        var writer = CreateWriter(batch: 200, delayMs: 250);
        for (var i = 0; i < 5; i++)
        {
            writer.Enqueue(Record(i));
        }

        var run = writer.RunAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.Equal(0, _store.Calls);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        writer.Complete();
        await run;

        Assert.Equal(1, _store.Calls);
        Assert.Equal(5, _store.Saved.Count);
    }

    [Fact]
    public async Task RunAsync_BatchDelay_FullBatchIsWrittenWithoutWaiting()
    {
        var writer = CreateWriter(batch: 4, delayMs: 250);
        for (var i = 0; i < 4; i++)
        {
            writer.Enqueue(Record(i));
        }

        var run = writer.RunAsync(CancellationToken.None);
        Assert.Equal(1, _store.Calls);
        Assert.Equal(4, _store.Saved.Count);

        writer.Complete();
        await run;
    }
}
