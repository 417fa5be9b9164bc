using Marketplace.Abstractions.Organizations;
using Marketplace.Application.ApiKeys.IssueApiKey;
using Marketplace.Application.ApiKeys.ListApiKeys;
using Marketplace.Application.ApiKeys.RevokeApiKey;
using Marketplace.Application.Organizations.CreateOrganization;
using Marketplace.Application.Organizations.GetOrganization;
using Marketplace.Application.Organizations.ListOrganizations;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Host.Api.Endpoints;

/// <summary>Body of a key request: the organisation comes from the route.</summary>
public sealed record ApiKeyRequest(string? Name, MemberRole? Role);

internal static class OrganizationEndpoints
{
    public static void MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/organizations").WithTags("Operator: organizations");
        admin.MapPost("/", async (CreateOrganization command, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/admin/organizations/{created.Id}", created);
            })
            .WithName("CreateOrganization")
            .WithSummary("Register an organisation (operator owner).");
        admin.MapGet("/", async (OrganizationType? type, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOrganizations(type), ct)))
            .WithSummary("List organisations (operator).");
        admin.MapGet("/{id}", GetOrganization).WithName("GetOrganizationAsOperator").WithSummary("One organisation.");
        admin.MapPost("/{id}/api-keys", IssueKey).WithName("IssueApiKeyAsOperator").WithSummary("Issue an API key for an organisation; the key is shown once.");

        var own = api.MapGroup("/organizations").WithTags("Organizations");
        own.MapGet("/{id}", GetOrganization).WithName("GetOrganization").WithSummary("Your organisation.");
        own.MapGet("/{id}/api-keys", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListApiKeys(id), ct)))
            .WithSummary("Your organisation's keys, without secrets (owner).");
        own.MapPost("/{id}/api-keys", IssueKey).WithName("IssueApiKey").WithSummary("Issue a key (owner); the key is shown once.");
        own.MapDelete("/{id}/api-keys/{keyId}", async (string id, string keyId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RevokeApiKey(id, keyId), ct)))
            .WithSummary("Revoke a key (owner); it stops working at once.");
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<OrganizationSnapshot>> GetOrganization(string id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetOrganization(id), ct));

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Created<IssuedApiKey>> IssueKey(string id, ApiKeyRequest body, IMediator mediator, CancellationToken ct)
    {
        var issued = await mediator.Send(new IssueApiKey(id, body.Name, body.Role), ct);
        return TypedResults.Created($"/api/v1/organizations/{id}/api-keys/{issued.Id}", issued);
    }
}
