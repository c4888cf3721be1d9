using Microsoft.EntityFrameworkCore;
using Vms.Data.Calls;
using Vms.Server.Features.Calls.Records;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Calls.Data;

/// <summary>Call records into the database (CallRecord + CallLeg), idempotent per call id so that a replayed spool adds nothing twice.</summary>
internal sealed class EfCallRecordStore : ICallRecordStore
{
    private readonly VmsDb _db;
    private readonly CallsOptions _options;

    public EfCallRecordStore(VmsDb db, CallsOptions options)
    {
        _db = db;
        _options = options;
    }

    public async Task SaveAsync(IReadOnlyList<CallRecordData> batch, CancellationToken cancellationToken)
    {
        // Records without a customer (refused before routing) are counted, not stored: the table is per customer.
        var withCustomer = batch.Where(r => r.CustomerId is not null).ToList();
        if (withCustomer.Count == 0)
        {
            return;
        }

        await using var context = _db.ForSystem();
        var ids = withCustomer.Select(r => r.CallId).ToList();
        var existing = await context.CallRecords.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var record in withCustomer.Where(r => !existing.Contains(r.CallId)))
        {
            context.CallRecords.Add(new CallRecord
            {
                Id = record.CallId,
                CustomerId = record.CustomerId!.Value,
                CalledNumber = Clip(record.CalledNumber, 32),
                CallingNumber = Clip(record.CallerNumber, 32),
                SetupAt = record.SetupAt,
                AnsweredAt = record.AnsweredAt,
                EndedAt = record.EndedAt,
                Outcome = Clip(record.Outcome, 32),
                SipCode = record.SipStatus,
                RouteTrace = record.RouteTrace,
                NodeId = Clip(_options.NodeId, 64),
            });
            foreach (var leg in record.Legs)
            {
                context.CallLegs.Add(new CallLeg
                {
                    Id = Guid.CreateVersion7(),
                    CallRecordId = record.CallId,
                    Destination = Clip(leg.Destination, 32),
                    SetupAt = leg.SetupAt,
                    AnsweredAt = leg.AnsweredAt,
                    EndedAt = leg.EndedAt,
                    Outcome = Clip(leg.Outcome, 32),
                    SipCode = leg.SipStatus,
                    IsReroute = leg.Rerouted,
                    IsOtherOperator = leg.OffNet,
                });
            }
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
