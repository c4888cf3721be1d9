using Vms.Data;
using Vms.Data.Identity;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Audit;

/// <summary>Writes the audit log: security events (sign-in, password, tokens) and business changes.</summary>
public sealed class AuditLog(VmsDb db, TimeProvider time, IHttpContextAccessor http)
{
    /// <summary>Adds an entry to a unit of work, so that it is saved with the change it describes (or not at all).</summary>
    public void Add(VmsDbContext context, Caller? caller, string action, Guid? customerId, string? target, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AuditEntries.Add(Entry(caller?.UserId, caller?.UserName ?? "system", action, customerId, target, details));
    }

    /// <summary>Writes an entry on its own (security events that change nothing else).</summary>
    public async Task WriteAsync(Guid? userId, string actor, string action, Guid? customerId, string? target, string? details, CancellationToken cancellationToken)
    {
        await using var context = db.ForSystem();
        context.AuditEntries.Add(Entry(userId, actor, action, customerId, target, details));
        await context.SaveChangesAsync(cancellationToken);
    }

    private AuditEntry Entry(Guid? userId, string actor, string action, Guid? customerId, string? target, string? details) => new()
    {
        At = time.GetUtcNow(),
        UserId = userId,
        Actor = Truncate(actor, 200)!,
        Action = action,
        CustomerId = customerId,
        Target = Truncate(target, 200),
        Details = Truncate(details, 2000),
        RemoteAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
    };

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
