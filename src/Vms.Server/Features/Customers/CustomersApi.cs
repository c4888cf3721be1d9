using Microsoft.AspNetCore.Http.HttpResults;
using Vms.Server.Features.Common;

namespace Vms.Server.Features.Customers;

/// <summary>REST API of customers and contracts.</summary>
public static class CustomersApi
{
    public static WebApplicationBuilder AddCustomers(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CustomerService>();
        builder.Services.AddSingleton<EntitlementChecker>();
        return builder;
    }

    public static WebApplication MapCustomersApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapApiGroup("/api/customers", "Customers");
        api.MapGet("/", ListAsync).WithName("ListCustomers").WithSummary("The customers the caller may see.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetCustomer").WithSummary("A customer with its contract history and entitlements.");
        api.MapGet("/{id:guid}/entitlements", EntitlementsAsync).WithName("GetEntitlements").WithSummary("Which service elements are available now, and what to order.");
        api.MapPost("/", CreateAsync).WithName("CreateCustomer").WithSummary("Creates a customer (operator).");
        api.MapPost("/{id:guid}/contract", ChangeContractAsync).WithName("ChangeContract").WithSummary("Makes a new contract version (operator).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CustomerSummary>>> ListAsync(HttpContext http, CustomerService service) =>
        TypedResults.Ok(await service.ListAsync(http.Caller(), http.RequestAborted));

    private static async Task<Results<Ok<CustomerDetail>, NotFound, ProblemHttpResult, ValidationProblem>> GetAsync(Guid id, HttpContext http, CustomerService service) =>
        (await service.GetAsync(http.Caller(), id, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<EntitlementDto>>, NotFound, ProblemHttpResult, ValidationProblem>> EntitlementsAsync(Guid id, HttpContext http, CustomerService service) =>
        (await service.GetEntitlementsAsync(http.Caller(), id, http.RequestAborted)).ToHttp();

    private static async Task<Results<Created<CustomerDetail>, NotFound, ProblemHttpResult, ValidationProblem>> CreateAsync(CreateCustomerRequest request, HttpContext http, CustomerService service) =>
        (await service.CreateAsync(http.Caller(), request, http.RequestAborted)).ToCreated(c => $"/api/customers/{c.Id}");

    private static async Task<Results<Ok<CustomerDetail>, NotFound, ProblemHttpResult, ValidationProblem>> ChangeContractAsync(Guid id, ChangeContractRequest request, HttpContext http, CustomerService service) =>
        (await service.ChangeContractAsync(http.Caller(), id, request, http.RequestAborted)).ToHttp();
}
