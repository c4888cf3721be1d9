using Microsoft.AspNetCore.Http.HttpResults;
using Vms.Server.Features.Common;

namespace Vms.Server.Features.Orders;

/// <summary>REST API of orders, activation and welcome letters.</summary>
public static class OrdersApi
{
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SmtpOptions>().Bind(builder.Configuration.GetSection("Smtp"));
        builder.Services.AddSingleton<OrderService>();
        builder.Services.AddSingleton<OrderActivation>();
        builder.Services.AddSingleton<PortalMailer>();
        builder.Services.AddSingleton<WelcomeLetterWriter>();
        return builder;
    }

    public static WebApplication MapOrdersApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapApiGroup("/api", "Orders");
        api.MapGet("/orders", (HttpContext http, OrderService s) => ListAsync(null, http, s)).WithName("ListOrders").WithSummary("Every order the caller may see.");
        api.MapGet("/customers/{id:guid}/orders", (Guid id, HttpContext http, OrderService s) => ListAsync(id, http, s)).WithName("ListCustomerOrders").WithSummary("The orders of a customer.");
        api.MapGet("/orders/{orderId:guid}", GetAsync).WithName("GetOrder").WithSummary("An order.");
        api.MapPost("/orders", CreateAsync).WithName("CreateOrder").WithSummary("Records an order (operator).");
        api.MapPost("/orders/{orderId:guid}/delay", DelayAsync).WithName("DelayOrder").WithSummary("Records why activation is late and the new date.");
        api.MapPost("/orders/{orderId:guid}/activate", ActivateAsync).WithName("ActivateOrder").WithSummary("Activates an order and sends the welcome message.");
        api.MapGet("/orders/{orderId:guid}/letters/{letterId:guid}", LetterAsync).WithName("GetWelcomeLetter").WithSummary("The PDF welcome letter (Voice Continuity).");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<OrderDto>>, NotFound, ProblemHttpResult, ValidationProblem>> ListAsync(Guid? customerId, HttpContext http, OrderService service) =>
        (await service.ListAsync(http.Caller(), customerId, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<OrderDto>, NotFound, ProblemHttpResult, ValidationProblem>> GetAsync(Guid orderId, HttpContext http, OrderService service) =>
        (await service.GetAsync(http.Caller(), orderId, http.RequestAborted)).ToHttp();

    private static async Task<Results<Created<OrderDto>, NotFound, ProblemHttpResult, ValidationProblem>> CreateAsync(CreateOrderRequest request, HttpContext http, OrderService service) =>
        (await service.CreateAsync(http.Caller(), request, http.RequestAborted)).ToCreated(o => $"/api/orders/{o.Id}");

    private static async Task<Results<Ok<OrderDto>, NotFound, ProblemHttpResult, ValidationProblem>> DelayAsync(Guid orderId, DelayOrderRequest request, HttpContext http, OrderService service) =>
        (await service.DelayAsync(http.Caller(), orderId, request, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<ActivationResult>, NotFound, ProblemHttpResult, ValidationProblem>> ActivateAsync(Guid orderId, HttpContext http, OrderActivation service) =>
        (await service.ActivateAsync(http.Caller(), orderId, http.RequestAborted)).ToHttp();

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult, ValidationProblem>> LetterAsync(Guid orderId, Guid letterId, HttpContext http, OrderService service)
    {
        var outcome = await service.GetLetterAsync(http.Caller(), orderId, letterId, http.RequestAborted);
        return outcome.Status switch
        {
            OutcomeStatus.Ok => TypedResults.File(outcome.Value!.Pdf, "application/pdf", outcome.Value.FileName),
            OutcomeStatus.NotFound => TypedResults.NotFound(),
            OutcomeStatus.Forbidden => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)),
        };
    }
}
