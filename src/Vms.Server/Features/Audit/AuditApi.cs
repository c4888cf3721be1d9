using Microsoft.AspNetCore.Http.HttpResults;
using Vms.Server.Features.Common;

namespace Vms.Server.Features.Audit;

/// <summary>REST API of the audit log.</summary>
public static class AuditApi
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<AuditService>();
        return builder;
    }

    public static WebApplication MapAuditApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapApiGroup("/api", "Audit");
        api.MapGet("/audit", (HttpContext http, AuditService s, int? take) => ListAsync(null, take, http, s))
            .WithName("ListAudit").WithSummary("The latest audit entries the caller may see.");
        api.MapGet("/customers/{id:guid}/audit", (Guid id, HttpContext http, AuditService s, int? take) => ListAsync(id, take, http, s))
            .WithName("ListCustomerAudit").WithSummary("The latest audit entries of a customer.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntryDto>>, NotFound, ProblemHttpResult, ValidationProblem>> ListAsync(Guid? customerId, int? take, HttpContext http, AuditService service) =>
        (await service.ListAsync(http.Caller(), customerId, take ?? 100, http.RequestAborted)).ToHttp();
}
