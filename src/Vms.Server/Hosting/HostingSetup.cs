using System.Text.Json.Serialization;
using Prometheus;
using Scalar.AspNetCore;

namespace Vms.Server.Hosting;

/// <summary>What every part of the host shares: settings, time, problem details, JSON, OpenAPI, metrics.</summary>
public static class HostingSetup
{
    public static WebApplicationBuilder AddVmsHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<VmsOptions>().Bind(builder.Configuration.GetSection("Vms"))
            .Validate(o => o.SessionIdleTimeout > TimeSpan.Zero && o.SessionAbsoluteTimeout >= o.SessionIdleTimeout, "Session timeouts are inconsistent.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseVmsPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseHttpMetrics();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json and its browsable UI at /scalar/v1.</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference();
        return app;
    }
}
