using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Vms.Data.Identity;
using Vms.Server.Features.Account;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Users;

/// <summary>Personal access tokens: each acts as its user, within the user's customer and rights.</summary>
public sealed class TokenService(VmsDb db, TimeProvider time, AuditLog audit)
{
    public async Task<IReadOnlyList<TokenDto>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.ForSystem();
        var tokens = await context.AccessTokens.AsNoTracking().Where(t => t.UserId == caller.UserId).ToListAsync(cancellationToken);
        return [.. tokens.OrderBy(t => t.CreatedAt).Select(ToDto)];
    }

    public async Task<Outcome<CreatedToken>> CreateAsync(Caller caller, CreateTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var v = new Validator();
        v.Text("name", request.Name, 100);
        if (request.ExpiresInDays is < 1 or > 366)
        {
            v.Add("expiresInDays", "Between 1 and 366 days.");
        }

        if (!v.IsValid)
        {
            return Outcome<CreatedToken>.Invalid(v.Errors);
        }

        var token = TokenAuthenticationHandler.Prefix + SessionStore.Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var entity = new AccessToken
        {
            Id = Guid.CreateVersion7(now), UserId = caller.UserId, Name = request.Name!.Trim(), TokenHash = SessionStore.Hash(token),
            CreatedAt = now, ExpiresAt = now.AddDays(request.ExpiresInDays ?? 90),
        };
        await using var context = db.ForSystem();
        context.AccessTokens.Add(entity);
        audit.Add(context, caller, "token.created", caller.CustomerId, entity.Name);
        await context.SaveChangesAsync(cancellationToken);
        return Outcome<CreatedToken>.Ok(new CreatedToken(ToDto(entity), token));
    }

    public async Task<Outcome<TokenDto>> RevokeAsync(Caller caller, Guid tokenId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var context = db.ForSystem();
        var token = await context.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == caller.UserId, cancellationToken);
        if (token is null)
        {
            return Outcome<TokenDto>.NotFound();
        }

        token.RevokedAt ??= time.GetUtcNow();
        audit.Add(context, caller, "token.revoked", caller.CustomerId, token.Name);
        await context.SaveChangesAsync(cancellationToken);
        return Outcome<TokenDto>.Ok(ToDto(token));
    }

    private static TokenDto ToDto(AccessToken t) => new(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt);
}
