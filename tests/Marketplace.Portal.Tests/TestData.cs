using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Partners;
using Marketplace.Application.Partners.GetAgreement;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Partners;

namespace Marketplace.Portal.Tests;

public static class TestData
{
    public static readonly DateTimeOffset At = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    public static IReadOnlyList<Industry> Industries { get; } =
    [
        new("finance", "Finance", "", []),
        new("manufacturing", "Manufacturing", "", []),
    ];

    public static AgreementView Agreement { get; } = new(PartnerAgreement.CurrentVersion, PartnerAgreement.Title, PartnerAgreement.Text);

    public static PartnerSnapshot Partner(PartnerStatus status, params string[] missing) => new()
    {
        OrganizationId = TestCallers.PartnerId,
        Name = "Sino Vision Integrators",
        Status = status,
        MissingForSubmission = missing,
        SubmittedAt = status == PartnerStatus.Draft ? null : At,
    };

    public static CatalogHit Hit(string id, ListingKind kind) =>
        new(id, kind, $"Listing {id}", "Orbit Compute", "A listing used by the portal tests.", 100_00, "USD", 1);

    public static CatalogResult Result(IReadOnlyList<CatalogHit> hits, Dictionary<string, IReadOnlyDictionary<string, int>>? facets = null) =>
        new(hits.Count, hits, facets ?? new Dictionary<string, IReadOnlyDictionary<string, int>>());

    public static ListingSnapshot Listing(ListingStatus status, ListingContent content)
    {
        var version = new ListingVersion { Version = "1.0.0", Status = status, Content = content, CreatedAt = At };
        return new ListingSnapshot
        {
            Id = "lst_test1",
            PartnerId = TestCallers.PartnerId,
            Kind = content.Kind,
            Status = status,
            Current = version,
            Versions = [version],
            CreatedAt = At,
        };
    }

    public static ListingContent Integrator(string name = "Factory vision rollout") => new()
    {
        Kind = ListingKind.Integrator,
        Name = name,
        Summary = "Short",
        Pricing = new ListingPricing { Currency = "USD" },
        Integrator = new IntegratorSpec(),
    };
}
