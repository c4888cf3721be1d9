using Microsoft.AspNetCore.Http.HttpResults;
using Vms.Server.Features.Common;

namespace Vms.Server.Features.Numbers;

/// <summary>REST API of numbers.</summary>
public static class NumbersApi
{
    public static WebApplicationBuilder AddNumbers(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<NumberService>();
        return builder;
    }

    public static WebApplication MapNumbersApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapApiGroup("/api", "Numbers");
        api.MapGet("/customers/{id:guid}/numbers", ListAsync).WithName("ListNumbers").WithSummary("The numbers of a customer.");
        api.MapPost("/customers/{id:guid}/numbers", AddAsync).WithName("AddNumber").WithSummary("Adds a Belgian geographic number to a customer (operator).");
        api.MapGet("/numbers/{numberId:guid}", GetAsync).WithName("GetNumber").WithSummary("A number.");
        api.MapPost("/numbers/{numberId:guid}/port-out", PortOutAsync).WithName("PortOutNumber").WithSummary("Records that the number went to another operator: its service ends.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<NumberDto>>, NotFound, ProblemHttpResult, ValidationProblem>> ListAsync(Guid id, HttpContext http, NumberService service) =>
        (await service.ListAsync(http.Caller(), id, http.RequestAborted)).ToHttp();

    private static async Task<Results<Created<NumberDto>, NotFound, ProblemHttpResult, ValidationProblem>> AddAsync(Guid id, AddNumberRequest request, HttpContext http, NumberService service) =>
        (await service.AddAsync(http.Caller(), id, request, http.RequestAborted)).ToCreated(n => $"/api/numbers/{n.Id}");

    private static async Task<Results<Ok<NumberDto>, NotFound, ProblemHttpResult, ValidationProblem>> GetAsync(Guid numberId, HttpContext http, NumberService service) =>
        (await service.GetAsync(http.Caller(), numberId, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<NumberDto>, NotFound, ProblemHttpResult, ValidationProblem>> PortOutAsync(Guid numberId, HttpContext http, NumberService service) =>
        (await service.PortOutAsync(http.Caller(), numberId, http.RequestAborted)).ToHttp();
}
