using Marketplace.Application.Solutions;
using Marketplace.Application.Solutions.Candidates;
using Marketplace.Application.Solutions.Quotes;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;

namespace Marketplace.Portal.Tests;

/// <summary>A manufacturing scenario, candidates for it, and a quote, as the configurator's requests answer them.</summary>
public static class SolutionTestData
{
    public static IndustryScenario Inspection { get; } = new(
        "mfg-visual-inspection", "Visual inspection on the line", "Reject defective parts from camera images.", "image-classification", "image",
        TypicalRequestsPerSecond: 30, LatencyTargetMs: 80, Deployment: "Private", DataRules: "Images stay in the plant.");

    public static IReadOnlyList<Industry> Industries { get; } =
    [
        new("finance", "Finance", "Banks and insurers.", []),
        new("manufacturing", "Manufacturing", "Plants and lines.", [Inspection]),
    ];

    public static SolutionRequirements Requirements(double peak = 30) => new()
    {
        Industry = "manufacturing",
        ScenarioId = Inspection.Id,
        Roles = Inspection.RolesNeeded,
        PeakRequestsPerSecond = peak,
        LatencyP95Ms = 80,
        Deployment = DeploymentOption.Private,
        Region = "DE",
        TermMonths = 36,
        Currency = "USD",
    };

    public static CandidateView Candidate(string hardwareId, int units, long hardwareMinor, long integratorMinor = 9_500_000) => new(
        new ListingRef("lst_resnet", "ResNet-50", "1.0.0"),
        [new RoleView("model", "image-classification", "lst_resnet", "ResNet-50", "1.0.0", SizingBasis.Measured, "compute", 410, null, null, 12.5, 0.4, 8, null, null, 1.2)],
        new ListingRef("lst_tessel", "Line-side inspection roll-out", "1.0.0"),
        new HardwareRef(hardwareId, hardwareId == "lst_l4" ? "Edge server 2× L4" : "Rack server 8× A10", "1.0.0", units, Owned: false),
        hardwareMinor + integratorMinor,
        "USD",
        123,
        null,
        SizingBasis.Measured,
        "compute",
        1.2,
        43.2,
        [
            new LineView("org_hw", "Fjordline", hardwareId, LineKind.Hardware, $"{units} × server", hardwareMinor, hardwareMinor - (hardwareMinor / 10), hardwareMinor / 10),
            new LineView("org_tessel", "Tessel Vision", "lst_tessel", LineKind.IntegratorFixedFee, "Fixed fee", integratorMinor, integratorMinor - (integratorMinor / 10), integratorMinor / 10),
        ]);

    public static CandidatesAnswer Answer(double peak = 30, params CandidateView[] candidates) => new(
        candidates,
        [new ExclusionView("lst_llama", "Llama 3.1 8B", "Model", "does text-generation, not image-classification")],
        [],
        Requirements(peak),
        1000,
        1900);

    public static QuoteView Quote(QuoteStatus status = QuoteStatus.Open, string? orderId = null, IReadOnlyList<QuoteChange>? changes = null) => new(
        "qte_1", "org_customer", 1, status, "USD", 2_250_000, TestData.At, TestData.At.AddDays(30),
        [
            new QuoteLine("org_hw", "Fjordline", "lst_l4", LineKind.Hardware, "2 × Edge server", 1_000_000, 900_000, 100_000),
            new QuoteLine("org_tessel", "Tessel Vision", "lst_tessel", LineKind.IntegratorFixedFee, "Fixed fee", 1_000_000, 900_000, 100_000),
            new QuoteLine("tax", "Tax", null, LineKind.Tax, "VAT 25 %", 250_000, 250_000, 0),
        ],
        [new QuotedModel("model", "image-classification", new QuotedListing("lst_resnet", "ResNet-50", "1.0.0", "org_lumen"), SizingBasis.Measured, "compute", 410, null, null)],
        new QuotedListing("lst_tessel", "Line-side inspection roll-out", "1.0.0", "org_tessel"),
        new QuotedListing("lst_l4", "Edge server 2× L4", "1.0.0", "org_hw"),
        2,
        Requirements(),
        123,
        null,
        SizingBasis.Measured,
        "compute",
        1000,
        2500,
        [],
        orderId,
        changes ?? [],
        [new QuoteVersionSummary(1, TestData.At, 2_250_000)]);
}
