using Marketplace.Domain.Billing;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;

namespace Marketplace.Domain.Tests.Billing;

public sealed class InvoiceScheduleTests
{
    private static QuoteVersion Version(DeploymentOption deployment, int term = 7, int taxBp = 1900) => new()
    {
        Number = 1,
        IssuedAt = DateTimeOffset.UnixEpoch,
        ValidUntil = DateTimeOffset.UnixEpoch.AddDays(30),
        Requirements = new SolutionRequirements
        {
            Industry = "manufacturing", Roles = [new("model", "image-classification")], PeakRequestsPerSecond = 10, LatencyP95Ms = 50,
            Deployment = deployment, Region = "DE", TermMonths = term, Currency = "USD",
        },
        Models = [],
        Integrator = new QuotedListing("lst_i", "Integrator", "1", "org_i"),
        Hardware = new QuotedListing("lst_h", "Server", "1", "org_h"),
        HardwareUnits = 1,
        Currency = "USD",
        TotalMinor = 0,
        Lines =
        [
            new QuoteLine("org_h", "Hardware Co", "lst_h", LineKind.Hardware, "1 × server", 1_000_000, 900_000, 100_000),
            new QuoteLine("org_m", "Model Co", "lst_m", LineKind.ModelSubscription, "subscription", 100_003, 90_003, 10_000),
            new QuoteLine("org_m", "Model Co", "lst_m", LineKind.ModelUsage, "usage", 5_000, 4_500, 500),
            new QuoteLine("org_i", "Integrator", "lst_i", LineKind.IntegratorFixedFee, "fixed fee", 50_000, 45_000, 5_000),
            new QuoteLine("org_i", "Integrator", "lst_i", LineKind.IntegratorSupport, "support", 70_000, 63_000, 7_000),
            new QuoteLine(InvoiceSchedule.TaxPartnerId, InvoiceSchedule.TaxName, null, LineKind.Tax, "tax", 1, 1, 0),
        ],
        TakeRateBasisPoints = 1000,
        TaxRateBasisPoints = taxBp,
        CostPer1kMinor = 1,
        Basis = SizingBasis.Measured,
        BoundBy = "compute",
    };

    [Fact]
    public void A_private_deployment_is_invoiced_its_hardware_and_fixed_fee_up_front_with_tax_on_them()
    {
        var lines = InvoiceSchedule.Upfront(Version(DeploymentOption.Private));

        Assert.Equal(["1 × server", "fixed fee"], lines.Where(l => !l.IsTax).Select(l => l.Description));
        Assert.Equal(199_500, lines.Single(l => l.IsTax).AmountMinor);
        Assert.All(lines.Where(l => !l.IsTax), l => Assert.Equal(1000, l.TakeRateBasisPoints));
    }

    [Fact]
    public void Leased_hardware_subscriptions_and_support_are_invoiced_monthly_and_sum_to_the_quote_over_the_term()
    {
        var version = Version(DeploymentOption.Cloud, term: 7, taxBp: 0);

        var months = Enumerable.Range(1, 7).Select(m => InvoiceSchedule.Monthly(version, m)).ToList();

        Assert.DoesNotContain(InvoiceSchedule.Upfront(version), l => l.Description == "1 × server");
        Assert.Equal(1_000_000 + 100_003 + 70_000, months.Sum(m => m.Sum(l => l.AmountMinor)));
        Assert.Equal(100_003, months.Sum(m => m.Single(l => l.Description.StartsWith("subscription", StringComparison.Ordinal)).AmountMinor));
        Assert.All(months, m => Assert.DoesNotContain(m, l => l.Description.StartsWith("usage", StringComparison.Ordinal)));
        Assert.Contains("(month 3 of 7)", months[2][0].Description, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => InvoiceSchedule.Monthly(version, 8));
    }
}
