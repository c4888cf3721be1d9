using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Vms.Server.Features.Calls.Records;
using Vms.Server.Features.Customers;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Calls;

public sealed class EfCallRecordStoreTests
{
    private static CallRecordData Record(Guid customer, int i) => new()
    {
        CallId = Guid.NewGuid(),
        SipCallId = $"call-{i}@test",
        CustomerId = customer,
        CalledNumber = "+3222001001",
        CallerNumber = "+32475000001",
        SetupAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
        AnsweredAt = DateTimeOffset.UnixEpoch.AddSeconds(i + 2),
        EndedAt = DateTimeOffset.UnixEpoch.AddSeconds(i + 30),
        Outcome = "answered",
        SipStatus = 200,
        RouteTrace = "'office': forward to +32470000001.\n'office': answered, call connected.",
        Legs =
        [
            new CallLegData { Index = 0, Destination = "+32470000001", SetupAt = DateTimeOffset.UnixEpoch, EndedAt = DateTimeOffset.UnixEpoch, Outcome = "busy", SipStatus = 486, Rerouted = true, OffNet = true },
            new CallLegData { Index = 1, Destination = "+32470000002", SetupAt = DateTimeOffset.UnixEpoch, EndedAt = DateTimeOffset.UnixEpoch, Outcome = "answered", SipStatus = 200, Rerouted = true },
        ],
    };

    [Fact]
    public async Task Writer_DatabaseDownThenBack_RecordsSpooledThenReplayedIntoTheRealTablesOnce()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var db = app.Services.GetRequiredService<VmsDb>();
        Guid customer;
        await using (var context = db.ForSystem())
        {
            customer = CustomerService.AddCustomer(context, "Calls Test", null, false, app.Clock.GetUtcNow()).Id;
            await context.SaveChangesAsync();
        }

        var store = new OutageStore(app.Services.GetRequiredService<ICallRecordStore>());
        var spool = Path.Combine(app.Database.Folder, "spool.jsonl");
        using var writer = new CallRecordWriter(store, new CallRecordSpool(spool), new CallRecordWriterOptions { BatchSize = 3 }, TimeProvider.System, NullLogger<CallRecordWriter>.Instance);
        var records = Enumerable.Range(0, 8).Select(i => Record(customer, i)).ToList();

        writer.Enqueue(records[0]);
        await writer.DrainAsync(CancellationToken.None);
        store.Down = true;
        foreach (var r in records.Skip(1).Take(4))
        {
            writer.Enqueue(r);
        }

        await writer.DrainAsync(CancellationToken.None);
        Assert.False(await writer.ReplayAsync(CancellationToken.None));
        store.Down = false;
        foreach (var r in records.Skip(5))
        {
            writer.Enqueue(r);
        }

        await writer.DrainAsync(CancellationToken.None);
        Assert.True(await writer.ReplayAsync(CancellationToken.None));
        await store.SaveAsync(records.Take(2).ToList(), CancellationToken.None); // a replay after a crash brings some again

        await using var check = db.ForSystem();
        var saved = await check.CallRecords.Where(c => c.CustomerId == customer).ToListAsync();
        Assert.Equal(records.Select(r => r.CallId).Order(), saved.Select(s => s.Id).Order());
        Assert.Equal(16, await check.CallLegs.CountAsync());
        var legs = await check.CallLegs.Where(l => l.CallRecordId == records[3].CallId).OrderBy(l => l.Destination).ToListAsync();
        Assert.True(legs[0].IsReroute && legs[0].IsOtherOperator);
        Assert.Equal(486, legs[0].SipCode);
        Assert.Contains("answered, call connected", saved.Single(s => s.Id == records[3].CallId).RouteTrace, StringComparison.Ordinal);
    }

    /// <summary>The real store behind a switch that makes it fail like a database that is down.</summary>
    private sealed class OutageStore(ICallRecordStore inner) : ICallRecordStore
    {
        public bool Down { get; set; }

        public Task SaveAsync(IReadOnlyList<CallRecordData> batch, CancellationToken cancellationToken) =>
            Down ? throw new InvalidOperationException("connection refused") : inner.SaveAsync(batch, cancellationToken);
    }
}
