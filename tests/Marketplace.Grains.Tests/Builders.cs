using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Partners;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Partners;

namespace Marketplace.Grains.Tests;

internal static class Builders
{
    public static readonly PartnerProfile Profile = new()
    {
        LegalName = "Example Integration Co GmbH",
        Country = "DE",
        TaxId = "DE123456789",
        Website = "https://example-integration.example",
        ContactEmail = "partners@example-integration.example",
        Kinds = [PartnerKind.Integrator],
    };

    public static PartnerDocument Document() =>
        new(Identifiers.New("doc"), "incorporation.pdf", "application/pdf", 1234, new string('a', 64), "incorporation", DateTimeOffset.UnixEpoch);

    public static ListingContent Integrator(string name = "Example Integration Co") => new()
    {
        Kind = ListingKind.Integrator,
        Name = name,
        Summary = "Visual inspection roll-outs for factories",
        Industries = ["manufacturing"],
        Regions = ["CN"],
        Pricing = new ListingPricing { Currency = "USD", FixedFeeMinor = 5_000_000, MonthlySupportMinor = 300_000 },
        Integrator = new IntegratorSpec { Capabilities = ["computer-vision"] },
    };

    public static async Task<IPartnerGrain> NewPartnerAsync(this IGrainFactory grains, string? name = null)
    {
        var id = Identifiers.New("org");
        await grains.GetGrain<IOrganizationGrain>(id).CreateAsync(name ?? "Partner " + id, OrganizationType.Partner);
        return grains.GetGrain<IPartnerGrain>(id);
    }

    public static async Task<IPartnerGrain> SubmittedPartnerAsync(this IGrainFactory grains)
    {
        var partner = await grains.NewPartnerAsync();
        await partner.UpdateProfileAsync(Profile, "owner");
        await partner.AcceptAgreementAsync(PartnerAgreement.CurrentVersion, "owner");
        await partner.AddDocumentAsync(Document(), "owner");
        await partner.SubmitAsync("owner");
        return partner;
    }

    public static async Task<IPartnerGrain> VerifiedPartnerAsync(this IGrainFactory grains)
    {
        var partner = await grains.SubmittedPartnerAsync();
        await partner.VerifyAsync("ok", "operator");
        return partner;
    }
}
