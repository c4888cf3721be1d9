using Microsoft.AspNetCore.Http.HttpResults;

namespace Vms.Server.Features.Common;

/// <summary>Turns service outcomes into typed HTTP results with problem details.</summary>
public static class ApiResults
{
    public static Results<Ok<T>, NotFound, ProblemHttpResult, ValidationProblem> ToHttp<T>(this Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            OutcomeStatus.Ok => TypedResults.Ok(outcome.Value!),
            OutcomeStatus.NotFound => TypedResults.NotFound(),
            OutcomeStatus.Forbidden => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
            _ => ValidationProblem(outcome),
        };
    }

    public static Results<Created<T>, NotFound, ProblemHttpResult, ValidationProblem> ToCreated<T>(this Outcome<T> outcome, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(location);
        return outcome.Status switch
        {
            OutcomeStatus.Ok => TypedResults.Created(location(outcome.Value!), outcome.Value),
            OutcomeStatus.NotFound => TypedResults.NotFound(),
            OutcomeStatus.Forbidden => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
            _ => ValidationProblem(outcome),
        };
    }

    private static ValidationProblem ValidationProblem<T>(Outcome<T> outcome) =>
        TypedResults.ValidationProblem(
            outcome.Errors.GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
            title: "The request has invalid fields.");
}
