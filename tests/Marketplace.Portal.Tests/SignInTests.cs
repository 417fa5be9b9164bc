using Marketplace.Portal.Services;

namespace Marketplace.Portal.Tests;

public sealed class SignInTests
{
    [Theory]
    [InlineData("partner/onboarding", "/partner/onboarding")]
    [InlineData("/admin/reviews?tab=listings", "/admin/reviews?tab=listings")]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("https://evil.example", null)]
    [InlineData("javascript://alert(1)", null)]
    [InlineData("/signin?returnUrl=x", null)]
    [InlineData("", null)]
    public void Return_addresses_stay_on_this_site(string returnUrl, string? expected) =>
        Assert.Equal(expected, SignInRedirects.LocalPath(returnUrl));

    [Fact]
    public void Callers_land_on_their_home_without_a_return_address()
    {
        Assert.Equal("/admin", SignInRedirects.LandingFor(TestCallers.OperatorOwner, null));
        Assert.Equal("/partner", SignInRedirects.LandingFor(TestCallers.PartnerOwner, null));
        Assert.Equal("/catalog", SignInRedirects.LandingFor(TestCallers.Customer, "//evil.example"));
    }
}
