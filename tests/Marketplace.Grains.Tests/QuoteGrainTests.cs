using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Solutions;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;

namespace Marketplace.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class QuoteGrainTests(ClusterFixture fixture)
{
    private QuoteVersion Version(long total = 123_456) => new()
    {
        Number = 1,
        IssuedAt = fixture.Time.GetUtcNow(),
        ValidUntil = fixture.Time.GetUtcNow() + QuoteRules.Validity,
        Requirements = new SolutionRequirements
        {
            Industry = "finance", Roles = [new SolutionRole("model", "text-embedding")], PeakRequestsPerSecond = 10, LatencyP95Ms = 100,
            Deployment = DeploymentOption.Private, Region = "DE", TermMonths = 12, Currency = "USD",
        },
        Models = [new QuotedModel("model", "text-embedding", new QuotedListing("lst_m", "Model", "1.0.0", "org_m"), SizingBasis.Measured, Bounds.Measured, 100, null, null)],
        Integrator = new QuotedListing("lst_i", "Integrator", "1.0.0", "org_i"),
        Hardware = new QuotedListing("lst_h", "Server", "1.0.0", "org_h"),
        HardwareUnits = 1,
        Currency = "USD",
        TotalMinor = total,
        Lines =
        [
            new QuoteLine("org_h", "Hardware Co", "lst_h", LineKind.Hardware, "Server", total - 1000, total - 1000 - 100, 100),
            new QuoteLine("org_i", "Integrator Co", "lst_i", LineKind.IntegratorFixedFee, "Fee", 1000, 900, 100),
        ],
        TakeRateBasisPoints = 1000,
        TaxRateBasisPoints = 0,
        CostPer1kMinor = 1,
        Basis = SizingBasis.Measured,
        BoundBy = Bounds.Measured,
    };

    private static string NewQuoteId() => $"qte_{Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task Sixteen_concurrent_acceptances_place_one_order_and_the_rest_are_told_it_was_accepted()
    {
        var organization = $"org_{Guid.NewGuid():N}";
        var quote = fixture.Grains.GetGrain<IQuoteGrain>(NewQuoteId());
        await quote.IssueAsync(organization, Version(), "tests");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            try
            {
                return (await quote.AcceptAsync("tests")).OrderId;
            }
            catch (ConflictException e)
            {
                return e.Code;
            }
        }));

        var orderId = Assert.Single(attempts, a => a.StartsWith("ord_", StringComparison.Ordinal));
        Assert.Equal(15, attempts.Count(a => a == "quote.already_accepted"));
        var order = (await fixture.Grains.GetGrain<IOrderGrain>(orderId).GetAsync())!;
        Assert.Equal((123_456L, "USD", organization), (order.TotalMinor, order.Currency, order.OrganizationId));
        Assert.Equal(["org_h", "org_i"], order.Lines.Select(l => l.PartnerId));
        Assert.Single(await fixture.Grains.GetGrain<IQuoteBookGrain>(organization).OrdersAsync());
        Assert.Equal(QuoteStatus.Accepted, (await quote.GetAsync())!.Status);
    }

    [Fact]
    public async Task A_quote_past_its_validity_expires_and_cannot_be_accepted_until_it_is_re_quoted()
    {
        var organization = $"org_{Guid.NewGuid():N}";
        var quote = fixture.Grains.GetGrain<IQuoteGrain>(NewQuoteId());
        await quote.IssueAsync(organization, Version(), "tests");

        fixture.Time.Advance(QuoteRules.Validity + TimeSpan.FromMinutes(1));
        var expired = await quote.GetAsync();
        var refused = await Assert.ThrowsAsync<ConflictException>(() => quote.AcceptAsync("tests"));
        var revised = await quote.ReviseAsync(Version(99_000) with { IssuedAt = fixture.Time.GetUtcNow(), ValidUntil = fixture.Time.GetUtcNow() + QuoteRules.Validity }, "tests");
        var accepted = await quote.AcceptAsync("tests");

        Assert.Equal(QuoteStatus.Expired, expired!.Status);
        Assert.Equal("quote.expired", refused.Code);
        Assert.Equal((2, 99_000L, QuoteStatus.Open), (revised.Current.Number, revised.Current.TotalMinor, revised.Status));
        Assert.Equal(123_456, revised.Versions[0].TotalMinor);
        Assert.Equal(99_000, (await fixture.Grains.GetGrain<IOrderGrain>(accepted.OrderId).GetAsync())!.TotalMinor);
        Assert.Equal([QuoteStatus.Accepted], (await fixture.Grains.GetGrain<IQuoteBookGrain>(organization).QuotesAsync()).Select(q => q.Status));
    }
}
