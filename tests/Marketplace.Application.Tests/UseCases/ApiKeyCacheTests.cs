using Marketplace.Abstractions.Identity;
using Marketplace.Application.ApiKeys;
using Marketplace.Domain.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Application.Tests.UseCases;

[Collection(SliceCollection.Name)]
public sealed class ApiKeyCacheTests(SliceFixture slices)
{
    [Fact]
    public async Task A_key_revoked_on_another_silo_is_refused_here_within_a_second()
    {
        var grains = slices.Services.GetRequiredService<IGrainFactory>();
        var hash = Guid.NewGuid().ToString("N");
        var identity = new ApiKeyIdentity("key_cached", "ci", "org_cached", OrganizationType.Customer, MemberRole.Member);
        await grains.GetGrain<IApiKeyGrain>(hash).RegisterAsync(identity);
        var time = new FakeTimeProvider();
        var cache = new ApiKeyCache(grains, time);

        var first = await cache.AuthenticateAsync(hash);
        await grains.GetGrain<IApiKeyGrain>(hash).RevokeAsync();
        time.Advance(TimeSpan.FromMilliseconds(999));
        var stillRemembered = await cache.AuthenticateAsync(hash);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var afterASecond = await cache.AuthenticateAsync(hash);

        Assert.Equal(identity, first);
        Assert.Equal(identity, stillRemembered);
        Assert.Null(afterASecond);
    }

    [Fact]
    public async Task A_key_revoked_through_this_silo_is_forgotten_at_once()
    {
        var grains = slices.Services.GetRequiredService<IGrainFactory>();
        var hash = Guid.NewGuid().ToString("N");
        await grains.GetGrain<IApiKeyGrain>(hash).RegisterAsync(new ApiKeyIdentity("key_forgotten", "ci", "org_cached", OrganizationType.Customer, MemberRole.Member));
        var cache = new ApiKeyCache(grains, new FakeTimeProvider());
        await cache.AuthenticateAsync(hash);

        await grains.GetGrain<IApiKeyGrain>(hash).RevokeAsync();
        cache.Forget("key_forgotten");

        Assert.Null(await cache.AuthenticateAsync(hash));
    }
}
