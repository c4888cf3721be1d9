using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vms.Data.Identity;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Account;

/// <summary>Server-side sessions in the database: the cookie carries only a random id; its hash is the key.</summary>
public sealed class SessionStore(VmsDb db, TimeProvider time, IOptions<VmsOptions> options) : ISessionValidator
{
    /// <summary>Activity closer than this to the last recorded one is not written again.</summary>
    private static readonly TimeSpan TouchGranularity = TimeSpan.FromSeconds(1);

    /// <summary>Starts a new session with a fresh random id (never reused: the id rotates at every sign-in).</summary>
    public async Task<string> CreateAsync(Guid userId, CancellationToken cancellationToken)
    {
        var id = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using var context = db.ForSystem();
        context.Sessions.Add(new UserSession { Id = Hash(id), UserId = userId, CreatedAt = now, LastSeenAt = now });
        await context.SaveChangesAsync(cancellationToken);
        return id;
    }

    public Task<SessionCheck> CheckAsync(ClaimsPrincipal user, bool touch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var sid = user.FindFirstValue(VmsClaims.SessionId);
        return sid is null ? Task.FromResult(SessionCheck.Ended("no-session")) : CheckAsync(sid, touch, cancellationToken);
    }

    public async Task<SessionCheck> CheckAsync(string sessionId, bool touch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        var key = Hash(sessionId);
        var now = time.GetUtcNow();
        await using var context = db.ForSystem();
        var session = await context.Sessions.SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
        if (session is null)
        {
            return SessionCheck.Ended("unknown");
        }

        if (session.EndedAt is not null)
        {
            return SessionCheck.Ended(session.EndReason ?? "ended");
        }

        var user = await context.Users.Where(u => u.Id == session.UserId)
            .Select(u => new { u.IsActive, u.MustChangePassword }).SingleOrDefaultAsync(cancellationToken);
        var idleEnd = session.LastSeenAt + options.Value.SessionIdleTimeout;
        var absoluteEnd = session.CreatedAt + options.Value.SessionAbsoluteTimeout;
        string? reason = user is not { IsActive: true } ? "user-disabled"
            : now >= absoluteEnd ? "absolute-timeout"
            : now >= idleEnd ? "idle-timeout"
            : null;
        if (reason is not null)
        {
            session.EndedAt = now;
            session.EndReason = reason;
            context.AuditEntries.Add(new AuditEntry { At = now, UserId = session.UserId, Actor = "system", Action = "session.ended", Target = session.UserId.ToString(), Details = reason });
            await context.SaveChangesAsync(cancellationToken);
            return SessionCheck.Ended(reason);
        }

        if (touch && now - session.LastSeenAt >= TouchGranularity)
        {
            session.LastSeenAt = now;
            await context.SaveChangesAsync(cancellationToken);
            idleEnd = now + options.Value.SessionIdleTimeout;
        }

        return new SessionCheck(true, session.UserId, idleEnd < absoluteEnd ? idleEnd : absoluteEnd, null, user!.MustChangePassword);
    }

    public async Task EndAsync(string sessionId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        var key = Hash(sessionId);
        await using var context = db.ForSystem();
        var session = await context.Sessions.SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
        if (session is { EndedAt: null })
        {
            session.EndedAt = time.GetUtcNow();
            session.EndReason = reason;
            await context.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Ends every open session of a user (password change, deactivation).</summary>
    public async Task EndAllAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        await using var context = db.ForSystem();
        var open = await context.Sessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.EndedAt = time.GetUtcNow();
            session.EndReason = reason;
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    internal static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
