using Microsoft.EntityFrameworkCore;
using Vms.Data.Routing;
using Vms.Domain.Identity;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Calls;
using Vms.Server.Features.Common;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Routing;

/// <summary>
/// Prompts a customer uploads for its trees. Stored converted to the call format as
/// <c>{PromptsFolder}/{customerId:N}-{name}.wav</c> (one folder, no name clash between customers).
/// </summary>
public sealed class PromptService(VmsDb db, AuditLog audit, RoutingAccess access, IServiceProvider services)
{
    public const int MaxUploadBytes = 50 * 1024 * 1024;

    public string Folder => services.GetService<CallsOptions>()?.PromptsFolder ?? Path.Combine("data", "prompts");

    public static string FileName(Guid customerId, string name) => $"{customerId:N}-{name}.wav";

    public async Task<Outcome<IReadOnlyList<PromptDto>>> ListAsync(Caller caller, Guid customerId, CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync<IReadOnlyList<PromptDto>>(caller, customerId, Rights.ViewRouting, cancellationToken) is { } refused)
        {
            return refused;
        }

        await using var context = db.For(caller);
        var prompts = await context.Prompts.AsNoTracking().Where(p => p.CustomerId == customerId).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<PromptDto>>.Ok([.. prompts.Select(p => new PromptDto(p.Id, p.Name, p.DurationMs))]);
    }

    /// <summary>Uploads (or replaces) a prompt; a bad WAV is refused with the reason and nothing is stored.</summary>
    public async Task<Outcome<PromptDto>> UploadAsync(Caller caller, Guid customerId, string name, ReadOnlyMemory<byte> wav, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await access.RefuseAsync<PromptDto>(caller, customerId, Rights.EditRouting, cancellationToken) is { } refused)
        {
            return refused;
        }

        name = (name ?? string.Empty).Trim();
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return Outcome<PromptDto>.Invalid("name", "A prompt name is 1 to 64 letters, digits, '-' or '_'.");
        }

        if (wav.Length > MaxUploadBytes)
        {
            return Outcome<PromptDto>.Invalid("file", $"The file is larger than {MaxUploadBytes / 1024 / 1024} MB.");
        }

        var (converted, durationMs, error) = PromptConverter.Convert(wav.Span);
        if (converted is null)
        {
            return Outcome<PromptDto>.Invalid("file", error!);
        }

        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, FileName(customerId, name));
        await File.WriteAllBytesAsync(path + ".tmp", converted, cancellationToken);
        File.Move(path + ".tmp", path, overwrite: true);

        await using var context = db.For(caller);
        var prompt = await context.Prompts.SingleOrDefaultAsync(p => p.CustomerId == customerId && p.Name == name, cancellationToken);
        if (prompt is null)
        {
            prompt = new Prompt { Id = Guid.NewGuid(), CustomerId = customerId, Name = name };
            context.Prompts.Add(prompt);
        }

        prompt.StoragePath = path;
        prompt.DurationMs = durationMs;
        audit.Add(context, caller, "routing.prompt-uploaded", customerId, name);
        await context.SaveChangesAsync(cancellationToken);
        return Outcome<PromptDto>.Ok(new PromptDto(prompt.Id, prompt.Name, prompt.DurationMs));
    }
}
