using Microsoft.EntityFrameworkCore;
using Vms.Data.Routing;
using Vms.Domain.Identity;
using Vms.Domain.Routing.CallerLists;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Routing;

/// <summary>
/// Caller lists ("customer types", TRM2): named lists of numbers and prefixes, uploaded as CSV. A CSV with bad rows
/// imports nothing and reports each bad row — unless the user asks to import the good rows anyway.
/// </summary>
public sealed class CallerListService(VmsDb db, AuditLog audit, RoutingAccess access)
{
    public async Task<Outcome<IReadOnlyList<CallerListDto>>> ListAsync(Caller caller, Guid customerId, CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync<IReadOnlyList<CallerListDto>>(caller, customerId, Rights.ViewRouting, cancellationToken) is { } refused)
        {
            return refused;
        }

        await using var context = db.For(caller);
        var lists = await context.CallerLists.AsNoTracking().Where(l => l.CustomerId == customerId).OrderBy(l => l.Name).ToListAsync(cancellationToken);
        var ids = lists.Select(l => l.Id).ToList();
        var entries = await context.CallerListEntries.AsNoTracking().Where(e => ids.Contains(e.ListId)).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<CallerListDto>>.Ok([.. lists.Select(l => new CallerListDto(
            l.Id, l.Name, [.. entries.Where(e => e.ListId == l.Id).Select(e => e.Value).Order(StringComparer.Ordinal)]))]);
    }

    /// <summary>Replaces the entries of list <paramref name="name"/> (created when new) with the CSV's numbers.</summary>
    public async Task<Outcome<CsvImportDto>> UploadCsvAsync(Caller caller, Guid customerId, string name, ReadOnlyMemory<byte> csv,
        bool importGoodRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await access.RefuseAsync<CsvImportDto>(caller, customerId, Rights.EditRouting, cancellationToken) is { } refused)
        {
            return refused;
        }

        name = (name ?? string.Empty).Trim();
        if (name.Length is 0 or > 200)
        {
            return Outcome<CsvImportDto>.Invalid("name", "A list name is 1 to 200 characters.");
        }

        var parsed = CallerListCsv.Parse(csv.Span);
        var errors = parsed.Errors.Select(e => new CsvRowErrorDto(e.Line, e.Text, e.Reason)).ToList();
        await using var context = db.For(caller);
        var list = await context.CallerLists.SingleOrDefaultAsync(l => l.CustomerId == customerId && l.Name == name, cancellationToken);
        if (parsed.FileError is not null || (errors.Count > 0 && !importGoodRows))
        {
            return Outcome<CsvImportDto>.Ok(new CsvImportDto(list?.Id ?? Guid.Empty, 0, true, parsed.FileError, errors));
        }

        if (list is null)
        {
            list = new CallerList { Id = Guid.NewGuid(), CustomerId = customerId, Name = name };
            context.CallerLists.Add(list);
        }
        else
        {
            context.CallerListEntries.RemoveRange(await context.CallerListEntries.Where(e => e.ListId == list.Id).ToListAsync(cancellationToken));
        }

        context.CallerListEntries.AddRange(parsed.Values.Select(v => new CallerListEntry { Id = Guid.NewGuid(), ListId = list.Id, Value = v }));
        audit.Add(context, caller, "routing.caller-list-uploaded", customerId, name, $"{parsed.Values.Count} entries, {errors.Count} refused");
        await context.SaveChangesAsync(cancellationToken);
        return Outcome<CsvImportDto>.Ok(new CsvImportDto(list.Id, parsed.Values.Count, false, null, errors));
    }
}
