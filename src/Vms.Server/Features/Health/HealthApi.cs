using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prometheus;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Health;

/// <summary>/healthz (the process answers), /readyz (the database answers), /metrics (Prometheus).</summary>
public static class HealthApi
{
    public static WebApplication MapHealthApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        PrometheusMeters.StartListening(); // before the host starts taking calls, not at the first scrape
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithTags("Health").WithName("Healthz").WithSummary("The process is alive.");
        app.MapGet("/readyz", ReadyAsync).WithTags("Health").WithName("Readyz").WithSummary("The database is reachable.");
        app.MapMetrics("/metrics");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReadyAsync(VmsDb db, HttpContext http)
    {
        await using var context = db.ForSystem();
        bool reachable;
        try
        {
            reachable = await context.Database.CanConnectAsync(http.RequestAborted);
        }
#pragma warning disable CA1031 // any failure to reach the database means "not ready"
        catch (Exception)
#pragma warning restore CA1031
        {
            reachable = false;
        }

        return reachable ? TypedResults.Text("ready") : TypedResults.Problem("The database is not reachable.", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
