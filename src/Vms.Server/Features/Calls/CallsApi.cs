using Microsoft.AspNetCore.Http.HttpResults;
using Vms.Server.Features.Calls.Live;
using Vms.Server.Features.Common;

namespace Vms.Server.Features.Calls;

/// <summary>REST API of live calls: counters, ladders, test calls, sites down.</summary>
public static class CallsApi
{
    public static WebApplication MapCallsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapApiGroup("/api/calls", "Calls");
        api.MapGet("/live", Live).WithName("LiveCalls").WithSummary("Calls in progress and live counters (the caller's customer, or all for operator staff).");
        api.MapGet("/ladders", Ladders).WithName("RecentLadders").WithSummary("Call-IDs of recent calls with a SIP ladder (operator).");
        api.MapGet("/{callId}/ladder", Ladder).WithName("CallLadder").WithSummary("The SIP messages of a call and its legs, in order.");
        api.MapPost("/test", TestCallAsync).WithName("TestCall").WithSummary("Places a real SIP test call from the network simulator (demo mode).");
        api.MapPost("/sites", SetSite).WithName("SetSiteState").WithSummary("Marks a customer's site down or up on this node (TRM5).");
        return app;
    }

    private static Ok<LiveCallsDto> Live(HttpContext http, CallsQueries queries) => TypedResults.Ok(queries.Live(http.Caller()));

    private static Results<Ok<IReadOnlyList<string>>, ForbidHttpResult> Ladders(HttpContext http, CallsQueries queries) =>
        http.Caller().IsOperator ? TypedResults.Ok(queries.RecentLadders()) : TypedResults.Forbid();

    private static Results<Ok<IReadOnlyList<LadderMessageDto>>, NotFound> Ladder(string callId, HttpContext http, CallsQueries queries) =>
        queries.Ladder(http.Caller(), callId) is { } ladder ? TypedResults.Ok(ladder) : TypedResults.NotFound();

    private static Results<Accepted<TestCallResponse>, ProblemHttpResult> TestCallAsync(TestCallRequest request, HttpContext http, IServiceProvider services)
    {
        if (services.GetService<DemoNetwork>()?.Simulator is not { } sim)
        {
            return TypedResults.Problem("Test calls need the network simulator (demo mode).", statusCode: StatusCodes.Status409Conflict);
        }

        if (string.IsNullOrWhiteSpace(request.Number) || request.HoldSeconds is < 1 or > 600)
        {
            return TypedResults.Problem("A number and a hold time of 1–600 s are needed.", statusCode: StatusCodes.Status400BadRequest);
        }

        var caller = http.Caller();
        if (!caller.IsOperator
            && !(services.GetRequiredService<Routing.IRoutingSnapshotProvider>().Current.TryGet(request.Number, out var routing) && routing.CustomerId == caller.CustomerId))
        {
            return TypedResults.Problem("A customer can place test calls to its own numbers only.", statusCode: StatusCodes.Status403Forbidden);
        }

        _ = sim.PlaceCallAsync(request.Caller, request.Number, TimeSpan.FromSeconds(request.HoldSeconds), request.Digits, CancellationToken.None);
        return TypedResults.Accepted("/api/calls/live", new TestCallResponse("placed"));
    }

    private static Results<NoContent, ForbidHttpResult> SetSite(SiteStateRequest request, HttpContext http, LiveCallState live)
    {
        var caller = http.Caller();
        if (!caller.IsOperator && caller.CustomerId != request.CustomerId)
        {
            return TypedResults.Forbid();
        }

        live.SetSiteDown(LiveCallState.Key(request.CustomerId, request.Site), request.Down);
        return TypedResults.NoContent();
    }
}
