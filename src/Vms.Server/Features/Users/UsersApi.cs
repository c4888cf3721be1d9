using Microsoft.AspNetCore.Http.HttpResults;
using Vms.Server.Features.Common;

namespace Vms.Server.Features.Users;

/// <summary>REST API of users, profiles and personal access tokens.</summary>
public static class UsersApi
{
    public static WebApplicationBuilder AddUsers(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<UserService>();
        builder.Services.AddSingleton<ProfileService>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton<OperatorStaffService>();
        return builder;
    }

    public static WebApplication MapUsersApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapApiGroup("/api", "Users");
        api.MapGet("/customers/{id:guid}/users", ListUsersAsync).WithName("ListUsers").WithSummary("The users of a customer.");
        api.MapPost("/customers/{id:guid}/users", CreateUserAsync).WithName("CreateUser").WithSummary("Creates an account for an authorised person; returns its one-time password.");
        api.MapGet("/users/{userId:guid}", GetUserAsync).WithName("GetUser").WithSummary("A user.");
        api.MapPut("/users/{userId:guid}/profiles", AssignAsync).WithName("AssignProfiles").WithSummary("Replaces the profiles of a user.");
        api.MapPost("/users/{userId:guid}/disable", (Guid userId, HttpContext http, UserService s) => SetActiveAsync(userId, false, http, s)).WithName("DisableUser").WithSummary("Disables an account and ends its sessions.");
        api.MapPost("/users/{userId:guid}/enable", (Guid userId, HttpContext http, UserService s) => SetActiveAsync(userId, true, http, s)).WithName("EnableUser").WithSummary("Enables an account.");

        api.MapGet("/staff", ListStaffAsync).WithName("ListStaff").WithSummary("The operator's staff accounts (operator staff only).");
        api.MapPost("/staff", CreateStaffAsync).WithName("CreateStaff").WithSummary("Creates an operator staff account; returns its one-time password (operator administrators only).");

        api.MapGet("/customers/{id:guid}/profiles", ListProfilesAsync).WithName("ListProfiles").WithSummary("The profiles of a customer (BGC-* included).");
        api.MapPost("/customers/{id:guid}/profiles", CreateProfileAsync).WithName("CreateProfile").WithSummary("Defines a custom profile.");
        api.MapPut("/profiles/{profileId:guid}", UpdateProfileAsync).WithName("UpdateProfile").WithSummary("Changes a custom profile.");
        api.MapDelete("/profiles/{profileId:guid}", DeleteProfileAsync).WithName("DeleteProfile").WithSummary("Deletes an unassigned custom profile.");

        api.MapGet("/tokens", ListTokensAsync).WithName("ListTokens").WithSummary("The caller's personal access tokens.");
        api.MapPost("/tokens", CreateTokenAsync).WithName("CreateToken").WithSummary("Creates a personal access token (shown once).");
        api.MapDelete("/tokens/{tokenId:guid}", RevokeTokenAsync).WithName("RevokeToken").WithSummary("Revokes a personal access token.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<UserDto>>, NotFound, ProblemHttpResult, ValidationProblem>> ListUsersAsync(Guid id, HttpContext http, UserService service) =>
        (await service.ListAsync(http.Caller(), id, http.RequestAborted)).ToHttp();

    private static async Task<Results<Created<CreatedUser>, NotFound, ProblemHttpResult, ValidationProblem>> CreateUserAsync(Guid id, CreateUserRequest request, HttpContext http, UserService service) =>
        (await service.CreateAsync(http.Caller(), id, request, http.RequestAborted)).ToCreated(u => $"/api/users/{u.User.Id}");

    private static async Task<Results<Ok<UserDto>, NotFound, ProblemHttpResult, ValidationProblem>> GetUserAsync(Guid userId, HttpContext http, UserService service) =>
        (await service.GetAsync(http.Caller(), userId, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<UserDto>, NotFound, ProblemHttpResult, ValidationProblem>> AssignAsync(Guid userId, AssignProfilesRequest request, HttpContext http, UserService service) =>
        (await service.AssignProfilesAsync(http.Caller(), userId, request, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<UserDto>, NotFound, ProblemHttpResult, ValidationProblem>> SetActiveAsync(Guid userId, bool active, HttpContext http, UserService service) =>
        (await service.SetActiveAsync(http.Caller(), userId, active, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<UserDto>>, NotFound, ProblemHttpResult, ValidationProblem>> ListStaffAsync(HttpContext http, OperatorStaffService service) =>
        (await service.ListAsync(http.Caller(), http.RequestAborted)).ToHttp();

    private static async Task<Results<Created<CreatedUser>, NotFound, ProblemHttpResult, ValidationProblem>> CreateStaffAsync(CreateStaffRequest request, HttpContext http, OperatorStaffService service) =>
        (await service.CreateAsync(http.Caller(), request, http.RequestAborted)).ToCreated(u => $"/api/users/{u.User.Id}");

    private static async Task<Results<Ok<IReadOnlyList<ProfileDto>>, NotFound, ProblemHttpResult, ValidationProblem>> ListProfilesAsync(Guid id, HttpContext http, ProfileService service) =>
        (await service.ListAsync(http.Caller(), id, http.RequestAborted)).ToHttp();

    private static async Task<Results<Created<ProfileDto>, NotFound, ProblemHttpResult, ValidationProblem>> CreateProfileAsync(Guid id, ProfileRequest request, HttpContext http, ProfileService service) =>
        (await service.CreateAsync(http.Caller(), id, request, http.RequestAborted)).ToCreated(p => $"/api/profiles/{p.Id}");

    private static async Task<Results<Ok<ProfileDto>, NotFound, ProblemHttpResult, ValidationProblem>> UpdateProfileAsync(Guid profileId, ProfileRequest request, HttpContext http, ProfileService service) =>
        (await service.UpdateAsync(http.Caller(), profileId, request, http.RequestAborted)).ToHttp();

    private static async Task<Results<Ok<bool>, NotFound, ProblemHttpResult, ValidationProblem>> DeleteProfileAsync(Guid profileId, HttpContext http, ProfileService service) =>
        (await service.DeleteAsync(http.Caller(), profileId, http.RequestAborted)).ToHttp();

    private static async Task<Ok<IReadOnlyList<TokenDto>>> ListTokensAsync(HttpContext http, TokenService service) =>
        TypedResults.Ok(await service.ListAsync(http.Caller(), http.RequestAborted));

    private static async Task<Results<Created<CreatedToken>, NotFound, ProblemHttpResult, ValidationProblem>> CreateTokenAsync(CreateTokenRequest request, HttpContext http, TokenService service) =>
        (await service.CreateAsync(http.Caller(), request, http.RequestAborted)).ToCreated(t => $"/api/tokens/{t.Info.Id}");

    private static async Task<Results<Ok<TokenDto>, NotFound, ProblemHttpResult, ValidationProblem>> RevokeTokenAsync(Guid tokenId, HttpContext http, TokenService service) =>
        (await service.RevokeAsync(http.Caller(), tokenId, http.RequestAborted)).ToHttp();
}
