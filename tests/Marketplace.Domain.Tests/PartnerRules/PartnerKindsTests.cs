using Marketplace.Domain.Listings;
using Marketplace.Domain.Partners;

namespace Marketplace.Domain.Tests.PartnerRules;

public sealed class PartnerKindsTests
{
    private static PartnerProfile Declaring(params PartnerKind[] kinds) => new()
    {
        LegalName = "Example GmbH", Country = "DE", TaxId = "DE1", Website = "https://example.example", ContactEmail = "a@example.example", Kinds = kinds,
    };

    [Theory]
    [InlineData(ListingKind.Model, PartnerKind.ModelVendor)]
    [InlineData(ListingKind.Integrator, PartnerKind.Integrator)]
    [InlineData(ListingKind.Hardware, PartnerKind.HardwareVendor)]
    public void Each_listing_kind_is_offered_by_one_partner_kind(ListingKind listing, PartnerKind partner)
    {
        Assert.Equal(partner, PartnerKinds.Offering(listing));
        Assert.Null(PartnerKinds.WhyNot(Declaring(partner), listing));
        Assert.All(Enum.GetValues<PartnerKind>().Where(k => k != partner), other => Assert.NotNull(PartnerKinds.WhyNot(Declaring(other), listing)));
    }

    [Fact]
    public void An_integrator_may_not_list_hardware_and_is_told_what_to_change()
    {
        var why = PartnerKinds.WhyNot(Declaring(PartnerKind.Integrator), ListingKind.Hardware, draft: true);

        Assert.Equal("Hardware listings are offered by a HardwareVendor, and this partner has declared Integrator. Add HardwareVendor to the kinds in the partner profile first.", why);
    }

    [Fact]
    public void A_partner_that_declared_nothing_yet_may_draft_but_not_submit()
    {
        Assert.Null(PartnerKinds.WhyNot(null, ListingKind.Model, draft: true));
        Assert.Null(PartnerKinds.WhyNot(Declaring(), ListingKind.Model, draft: true));
        Assert.Equal(
            "Model listings are offered by a ModelVendor, and this partner has declared no partner kind yet. Add ModelVendor to the kinds in the partner profile first.",
            PartnerKinds.WhyNot(Declaring(), ListingKind.Model));
    }
}
