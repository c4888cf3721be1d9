using Vms.Domain.Common;

namespace Vms.Server.Features.Common;

/// <summary>What an application service answers: a value, or not found, forbidden, or every offending field.</summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, IReadOnlyList<FieldError> Errors, string? Reason)
{
    public bool IsOk => Status == OutcomeStatus.Ok;

#pragma warning disable CA1000 // factory methods on the generic result read best at the call site
    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value, [], null);

    public static Outcome<T> NotFound() => new(OutcomeStatus.NotFound, default, [], null);

    public static Outcome<T> Forbidden(string reason) => new(OutcomeStatus.Forbidden, default, [], reason);

    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeStatus.Invalid, default, errors, null);

    public static Outcome<T> Invalid(string field, string message) => Invalid([new FieldError(field, message)]);
#pragma warning restore CA1000

    /// <summary>The same failure for another value type.</summary>
    public Outcome<TOther> As<TOther>() => new(Status, default, Errors, Reason);
}
