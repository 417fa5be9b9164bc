using System.Net;
using Marketplace.Inference.Tests;

namespace Marketplace.Api.Tests;

/// <summary>A host whose model-file limit is 1,000 bytes, so the limit can be crossed cheaply.</summary>
public sealed class SmallArtifactLimitHost() : IsolatedHost(new Dictionary<string, string>
{
    ["Marketplace:Sandbox:MaxArtifactBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    public const int Limit = 1000;
}

public sealed class ArtifactSizeLimitTests(SmallArtifactLimitHost host) : IClassFixture<SmallArtifactLimitHost>
{
    [Fact]
    public async Task A_file_over_the_configured_limit_is_400_naming_the_artifact_and_nothing_is_attached()
    {
        var factory = host.Factory;
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.OnboardAndVerifyAsync(factory, partner, owner);
        var listing = await SandboxApiTests.CreateTensorModelAsync(owner, partner);
        var tooLarge = new byte[SmallArtifactLimitHost.Limit + 1];
        Random.Shared.NextBytes(tooLarge);

        using var response = await owner.PutAsync($"/api/v1/listings/{listing}/artifact", SandboxApiTests.Octets(tooLarge));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var after = await (await owner.GetAsync($"/api/v1/listings/{listing}")).ReadObjectAsync();

        Assert.Contains("1,000 bytes", problem["errors"]!["artifact"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(after["current"]!["artifact"]);
    }

    [Fact]
    public async Task A_file_at_the_limit_is_accepted_and_validated()
    {
        var factory = host.Factory;
        var (partner, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        await PartnerFlows.OnboardAndVerifyAsync(factory, partner, owner);
        var listing = await SandboxApiTests.CreateTensorModelAsync(owner, partner);
        var model = TestModels.Linear();
        Assert.True(model.Length <= SmallArtifactLimitHost.Limit);

        using var response = await owner.PutAsync($"/api/v1/listings/{listing}/artifact", SandboxApiTests.Octets(model));

        Assert.Equal("Valid", (await response.ReadObjectAsync())["status"]!.GetValue<string>());
    }
}
