using Microsoft.AspNetCore.Http.HttpResults;
using Vms.Domain.Routing.Json;
using Vms.Server.Features.Common;
using Vms.Server.Features.Portal;

namespace Vms.Server.Features.Routing;

/// <summary>REST API of Traffic Routing Management: trees, versions, validation, publishing, simulation, prompts, caller lists.</summary>
public static class RoutingApi
{
    public static WebApplicationBuilder AddRoutingManagement(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddRoutingServices(builder.Services);
        return builder;
    }

    /// <summary>The services of the feature; idempotent.</summary>
    public static void AddRoutingServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(RoutingAccess)))
        {
            return;
        }

        services.AddSingleton<RoutingAccess>();
        services.AddSingleton<RoutingTreeService>();
        services.AddSingleton<RoutingPublishService>();
        services.AddSingleton<PromptService>();
        services.AddSingleton<CallerListService>();
        services.AddSingleton<CallerListIndexProvider>();
        services.AddHostedService<CallerListIndexLoader>();
        services.AddSingleton<RoutingText>();
        services.AddPortalNavItem(new PortalNavItem("/routing", "Routing trees", PortalArea.Customer, 30,
            Vms.Domain.Tenancy.ServiceElement.TrafficRoutingManagement));
    }

    public static WebApplication MapRoutingApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/routing/schema", () => TypedResults.Text(RoutingTreeSchema.Text, "application/schema+json"))
            .AllowAnonymous().WithTags("Routing").WithName("RoutingTreeSchema").WithSummary("The JSON Schema of a routing tree (import/export).");
        var api = app.MapApiGroup("/api", "Routing");
        api.MapGet("/customers/{id:guid}/routing/trees", ListAsync).WithName("ListRoutingTrees").WithSummary("The routing trees of a customer.");
        api.MapPost("/customers/{id:guid}/routing/trees", CreateAsync).WithName("CreateRoutingTree").WithSummary("Creates a tree with a first draft (JSON problems → 400 with JSON pointers).");
        api.MapGet("/routing/trees/{treeId:guid}", GetAsync).WithName("GetRoutingTree").WithSummary("A tree, its versions, draft and published JSON, numbers.");
        api.MapDelete("/routing/trees/{treeId:guid}", DeleteAsync).WithName("DeleteRoutingTree").WithSummary("Deletes a tree that serves no number.");
        api.MapPut("/routing/trees/{treeId:guid}/draft", SaveDraftAsync).WithName("SaveRoutingDraft").WithSummary("Saves or imports the draft (body: tree JSON). Returns its validation.");
        api.MapGet("/routing/trees/{treeId:guid}/versions/{version:int}", ExportAsync).WithName("ExportRoutingVersion").WithSummary("The tree JSON of one version (export).");
        api.MapGet("/routing/trees/{treeId:guid}/versions/{version:int}/validation", ValidateAsync).WithName("ValidateRoutingVersion").WithSummary("Validates one version.");
        api.MapPost("/routing/trees/{treeId:guid}/versions/{version:int}/publish", PublishAsync).WithName("PublishRoutingVersion").WithSummary("Publishes a draft (an invalid tree is refused with every problem).");
        api.MapPost("/routing/trees/{treeId:guid}/versions/{version:int}/rollback", RollbackAsync).WithName("RollbackRoutingVersion").WithSummary("Republishes an earlier version as a new version.");
        api.MapGet("/routing/trees/{treeId:guid}/diff", DiffAsync).WithName("DiffRoutingVersions").WithSummary("Differences between versions ?from=&to=.");
        api.MapPost("/routing/trees/{treeId:guid}/simulate", SimulateAsync).WithName("SimulateRouting").WithSummary("Where would this call go, and why.");
        api.MapPost("/routing/trees/{treeId:guid}/assignments", AssignAsync).WithName("AssignRoutingTree").WithSummary("Attaches the tree to a number (plan normal, drs or continuity).");
        api.MapGet("/customers/{id:guid}/routing/prompts", ListPromptsAsync).WithName("ListPrompts").WithSummary("Uploaded prompts.");
        api.MapPut("/customers/{id:guid}/routing/prompts/{name}", UploadPromptAsync).WithName("UploadPrompt").WithSummary("Uploads a WAV prompt (body: the file); converted to 8 kHz 16-bit mono.");
        api.MapGet("/customers/{id:guid}/routing/caller-lists", ListCallerListsAsync).WithName("ListCallerLists").WithSummary("Caller lists and their entries.");
        api.MapPut("/customers/{id:guid}/routing/caller-lists/{name}", UploadCsvAsync).WithName("UploadCallerList").WithSummary("Replaces a caller list from a CSV (body). ?importGoodRows=true imports the good rows despite bad ones.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<TreeSummaryDto>>, NotFound, ProblemHttpResult, ValidationProblem>> ListAsync(Guid id, HttpContext http, RoutingTreeService service) =>
        (await service.ListAsync(http.Caller(), id, http.RequestAborted)).ToHttp();

    private static async Task<Results<Created<TreeDetailDto>, NotFound, ProblemHttpResult, ValidationProblem>> CreateAsync(Guid id, CreateTreeRequest request, HttpContext http, RoutingTreeService service) =>
        (await service.CreateAsync(http.Caller(), id, request, http.RequestAborted)).ToCreated(t => $"/api/routing/trees/{t.Id}");

    private static async Task<Results<Ok<TreeDetailDto>, NotFound, ProblemHttpResult, ValidationProblem>> GetAsync(Guid treeId, HttpContext http, RoutingTreeService service) =>
        (await service.GetAsync(http.Caller(), treeId, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<TreeDetailDto>, NotFound, ProblemHttpResult, ValidationProblem>> DeleteAsync(Guid treeId, HttpContext http, RoutingTreeService service) =>
        (await service.DeleteAsync(http.Caller(), treeId, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<ValidationDto>, NotFound, ProblemHttpResult, ValidationProblem>> SaveDraftAsync(Guid treeId, HttpContext http, RoutingTreeService service) =>
        (await service.SaveDraftAsync(http.Caller(), treeId, await BodyAsync(http, RoutingTreeJson.MaxBytes), http.RequestAborted)).ToHttp();

    private static async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult>> ExportAsync(Guid treeId, int version, HttpContext http, RoutingTreeService service)
    {
        var outcome = await service.ExportAsync(http.Caller(), treeId, version, http.RequestAborted);
        return outcome.Status switch
        {
            OutcomeStatus.Ok => TypedResults.Text(outcome.Value!, "application/json"),
            OutcomeStatus.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status403Forbidden),
        };
    }

    private static async Task<Results<Ok<ValidationDto>, NotFound, ProblemHttpResult, ValidationProblem>> ValidateAsync(Guid treeId, int version, HttpContext http, RoutingPublishService service) =>
        (await service.ValidateAsync(http.Caller(), treeId, version, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<TreeVersionDto>, NotFound, ProblemHttpResult, ValidationProblem>> PublishAsync(Guid treeId, int version, HttpContext http, RoutingPublishService service) =>
        (await service.PublishAsync(http.Caller(), treeId, version, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<TreeVersionDto>, NotFound, ProblemHttpResult, ValidationProblem>> RollbackAsync(Guid treeId, int version, HttpContext http, RoutingPublishService service) =>
        (await service.RollbackAsync(http.Caller(), treeId, version, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<TreeChangeDto>>, NotFound, ProblemHttpResult, ValidationProblem>> DiffAsync(Guid treeId, int from, int to, HttpContext http, RoutingPublishService service) =>
        (await service.DiffAsync(http.Caller(), treeId, from, to, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<SimulationDto>, NotFound, ProblemHttpResult, ValidationProblem>> SimulateAsync(Guid treeId, SimulateRequest request, HttpContext http, RoutingPublishService service) =>
        (await service.SimulateAsync(http.Caller(), treeId, request, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<PlanAssignmentDto>, NotFound, ProblemHttpResult, ValidationProblem>> AssignAsync(Guid treeId, AssignPlanRequest request, HttpContext http, RoutingPublishService service) =>
        (await service.AssignAsync(http.Caller(), treeId, request, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<PromptDto>>, NotFound, ProblemHttpResult, ValidationProblem>> ListPromptsAsync(Guid id, HttpContext http, PromptService service) =>
        (await service.ListAsync(http.Caller(), id, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<PromptDto>, NotFound, ProblemHttpResult, ValidationProblem>> UploadPromptAsync(Guid id, string name, HttpContext http, PromptService service) =>
        (await service.UploadAsync(http.Caller(), id, name, await BodyAsync(http, PromptService.MaxUploadBytes), http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<CallerListDto>>, NotFound, ProblemHttpResult, ValidationProblem>> ListCallerListsAsync(Guid id, HttpContext http, CallerListService service) =>
        (await service.ListAsync(http.Caller(), id, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<CsvImportDto>, BadRequest<CsvImportDto>, NotFound, ProblemHttpResult, ValidationProblem>> UploadCsvAsync(
        Guid id, string name, bool? importGoodRows, HttpContext http, CallerListService service, CallerListIndexProvider index)
    {
        var outcome = await service.UploadCsvAsync(http.Caller(), id, name, await BodyAsync(http, Vms.Domain.Routing.CallerLists.CallerListCsv.MaxBytes), importGoodRows ?? false, http.RequestAborted);
        if (outcome.Status != OutcomeStatus.Ok)
        {
            return outcome.ToHttp().Result switch
            {
                NotFound n => n,
                ProblemHttpResult p => p,
                ValidationProblem v => v,
                _ => TypedResults.NotFound(),
            };
        }

        if (outcome.Value!.Refused)
        {
            return TypedResults.BadRequest(outcome.Value);
        }

        await index.RefreshAsync(http.RequestAborted);
        return TypedResults.Ok(outcome.Value);
    }

    /// <summary>The raw request body, at most <paramref name="max"/> bytes (one byte more is read to detect oversize).</summary>
    private static async Task<ReadOnlyMemory<byte>> BodyAsync(HttpContext http, int max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                break;
            }
        }

        return buffer.ToArray();
    }
}
