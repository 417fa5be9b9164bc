using System.Globalization;
using System.Security.Claims;
using Marketplace.Abstractions.Organizations;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Organizations.CreateOrganization;
using Marketplace.Domain.Organizations;
using Marketplace.Testing;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Application.Tests.UseCases;

/// <summary>
/// The host's own composition (silo, SQLite storage, the generated mediator with its pipeline)
/// without HTTP: a use case is sent as a caller would send it, and meets authorization,
/// validation, its handler, the grains and the store for real.
/// </summary>
public sealed class SliceFixture : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new("slices");

    public static readonly Caller Operator = new(CallerKind.ApiKey, "key_test-operator", "tests", OrganizationRules.OperatorOrganizationId, OrganizationType.Operator, MemberRole.Owner);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Marketplace:DataPath", _data.Path);
        builder.UseSetting("Marketplace:Bootstrap:AdminApiKey", "slice-admin-key-0123456789");
        builder.UseSetting("Marketplace:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Marketplace:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Sends <paramref name="request"/> through the mediator as <paramref name="caller"/>, in a scope of its own.</summary>
    public async Task<TResponse> SendAsync<TResponse>(Caller caller, IMessage request)
    {
        await using var scope = Services.CreateAsyncScope();
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var identity = caller.IsAuthenticated ? new ClaimsIdentity(caller.ToClaims(), "test", MarketplaceClaims.Name, MarketplaceClaims.Role) : new ClaimsIdentity();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
        return (TResponse)(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request))!;
    }

    /// <summary>A new organisation of that type, and its owner as a caller.</summary>
    public async Task<Caller> OwnerOfNewOrganizationAsync(OrganizationType type)
    {
        var organization = await SendAsync<OrganizationSnapshot>(Operator, new CreateOrganization($"{type} {Guid.NewGuid():N}", type));
        return new Caller(CallerKind.ApiKey, "key_" + Guid.NewGuid().ToString("N")[..8], "tests", organization.Id, type, MemberRole.Owner);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SliceCollection : ICollectionFixture<SliceFixture>
{
    public const string Name = "slices";
}
