using Marketplace.Application.Users.AddUser;
using Marketplace.Application.Users.ChangePassword;
using Marketplace.Application.Users.ListMembers;
using Marketplace.Application.Users.SignIn;
using Marketplace.Application.Users.SignUp;
using Marketplace.Abstractions.Errors;
using Marketplace.Domain.Organizations;
using Marketplace.Application.Identity.Sessions;
using Mediator;

namespace Marketplace.Host.Api.Endpoints;

public sealed record UserRequest(string? Email, string? DisplayName, string? Password, MemberRole? Role);

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Identity");
        auth.MapPost("/sign-up", async (SignUp command, IMediator mediator, ISignInSession session, CancellationToken ct) =>
            {
                var signedUp = await mediator.Send(command, ct);
                var attempt = await mediator.Send(new SignIn(command.Email, command.Password), ct);
                await session.SignInAsync(attempt.Caller!);
                return TypedResults.Created("/api/v1/me", signedUp);
            })
            .WithSummary("Open an account: a new partner or customer organisation with you as its owner; signs you in.");
        auth.MapPost("/sign-in", async (SignIn command, IMediator mediator, ISignInSession session, CancellationToken ct) =>
            {
                var attempt = await mediator.Send(command, ct);
                if (attempt.Caller is null)
                {
                    throw new UnauthenticatedException(attempt.Message);
                }
                await session.SignInAsync(attempt.Caller);
                return TypedResults.Ok(attempt.Caller);
            })
            .WithSummary("Sign in with e-mail and password (sets the portal cookie). Five failures lock the account for 15 minutes.");
        auth.MapPost("/sign-out", async (ISignInSession session) =>
            {
                await session.SignOutAsync();
                return TypedResults.NoContent();
            })
            .WithSummary("Sign out of the portal.");

        api.MapPost("/me/password", async (ChangePassword command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithTags("Identity")
            .WithSummary("Change your password.");

        var users = api.MapGroup("/organizations/{id}/users").WithTags("Organizations");
        users.MapGet("/", async (string id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListMembers(id), ct)))
            .WithSummary("The organisation's portal users.");
        users.MapPost("/", async (string id, UserRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/organizations/{id}/users", await mediator.Send(new AddUser(id, body.Email, body.DisplayName, body.Password, body.Role), ct)))
            .WithSummary("Add a colleague with a first password (owner).");
    }
}
