using CsCheck;
using Marketplace.Domain.Billing;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Domain.Tests.Billing;

public sealed class MeteringTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 31, 10, 0, 0, TimeSpan.Zero);
    private static readonly MeteringTerm Term = new(Start, 12);
    private static readonly DateTimeOffset Now = Start.AddMonths(3).AddDays(2);
    private static readonly MeteredLine Line = new("ord_1.2", "org_m", "Model Co", "lst_m", "ResNet-50 (model)", UsageUnits.Inference, 4, 1500);

    private static UsageRecord Record(string? id = "e1", long? quantity = 10, string? unit = "inference", DateTimeOffset? at = null) =>
        new(id, Line.Id, quantity, unit, at ?? Now.AddHours(-1));

    [Fact]
    public void Every_instant_of_the_term_falls_in_exactly_one_month_whose_bounds_contain_it()
    {
        Gen.Long[0, (long)(Term.End - Term.Start).TotalSeconds - 1].Sample(seconds =>
        {
            var at = Term.Start.AddSeconds(seconds);
            var month = Term.MonthOf(at)!.Value;
            Assert.InRange(month, 1, 12);
            Assert.True(Term.MonthStart(month) <= at && at < Term.MonthStart(month + 1));
        });
        Assert.Null(Term.MonthOf(Start.AddTicks(-1)));
        Assert.Null(Term.MonthOf(Term.End));
        // Calendar months: the term started on 31 January, so month 2 starts on 28 February.
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 10, 0, 0, TimeSpan.Zero), Term.MonthStart(2));
        Assert.Equal(1, Term.MonthOf(new DateTimeOffset(2026, 2, 28, 9, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void A_good_record_is_refused_for_nothing()
    {
        Assert.Null(Metering.Refusal(Record(), Line, Term, invoicedMonths: 2, Now));
        Assert.Null(Metering.Refusal(Record(unit: " Inference "), Line, Term, 2, Now));
        Assert.Null(Metering.Refusal(Record(at: Now + Metering.ClockSkew), Line, Term, 2, Now));
    }

    [Theory]
    [InlineData("id", null, 10L, "inference", 0)]
    [InlineData("quantity", "e1", 0L, "inference", 0)]
    [InlineData("quantity", "e1", -5L, "inference", 0)]
    [InlineData("unit", "e1", 10L, "token", 0)]
    [InlineData("unit", "e1", 10L, null, 0)]
    [InlineData("'at'", "e1", 10L, "inference", 1)]
    [InlineData("future", "e1", 10L, "inference", 2)]
    [InlineData("outside the order's term", "e1", 10L, "inference", 3)]
    [InlineData("already invoiced", "e1", 10L, "inference", 4)]
    public void A_faulty_record_is_refused_with_the_reason(string expected, string? id, long quantity, string? unit, int when)
    {
        DateTimeOffset? at = when switch
        {
            1 => null,
            2 => Now + Metering.ClockSkew + TimeSpan.FromSeconds(1),
            3 => Start.AddDays(-1),
            4 => Start.AddMonths(1).AddDays(3),
            _ => Now.AddHours(-1),
        };
        var record = new UsageRecord(id, Line.Id, quantity, unit, at);

        var reason = Metering.Refusal(record, Line, Term, invoicedMonths: 2, Now);

        Assert.NotNull(reason);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_line_and_an_overlong_id_are_refused()
    {
        Assert.Contains("orderLineId", Metering.Refusal(Record(), null, Term, 0, Now), StringComparison.Ordinal);
        Assert.Contains("id", Metering.Refusal(Record(id: new string('x', Metering.MaxIdLength + 1)), Line, Term, 0, Now), StringComparison.Ordinal);
    }

    [Fact]
    public void Line_ids_carry_their_order()
    {
        Assert.Equal("ord_ab12.3", Metering.LineId("ord_ab12", 3));
        Assert.Equal("ord_ab12", Metering.OrderIdOf("ord_ab12.3"));
        Assert.Null(Metering.OrderIdOf("ord_ab12"));
        Assert.Null(Metering.OrderIdOf("ord_ab12.x"));
        Assert.Null(Metering.OrderIdOf(".3"));
        Assert.Null(Metering.OrderIdOf(null));
    }

    [Fact]
    public void A_month_closes_after_its_end_and_the_grace_for_late_records()
    {
        Assert.False(Metering.MayClose(Term, 1, Start.AddMonths(1)));
        Assert.False(Metering.MayClose(Term, 1, Start.AddMonths(1) + Metering.ReportingGrace - TimeSpan.FromTicks(1)));
        Assert.True(Metering.MayClose(Term, 1, Start.AddMonths(1) + Metering.ReportingGrace));
    }

    [Fact]
    public void A_months_total_is_rated_once_at_the_agreed_price_and_unused_lines_are_left_out()
    {
        var other = Line with { Id = "ord_1.3", Per1kMinor = 7 };
        var quantities = new Dictionary<string, long> { [Line.Id] = 1_234_567, [other.Id] = 0 };

        var lines = Metering.Rate([Line, other], quantities, 2);

        var line = Assert.Single(lines);
        // 1,234,567 × 4 / 1,000 = 4,938.268 → 4,938: rounding once on the total, not per record.
        Assert.Equal(4_938, line.AmountMinor);
        Assert.Equal((Line.PartnerId, 1500, false), (line.PartnerId, line.TakeRateBasisPoints, line.IsTax));
        Assert.Contains("1,234,567 inferences metered in month 2", line.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Hosted_models_with_a_price_per_1k_are_metered_and_on_premise_ones_keep_their_licence_or_subscription()
    {
        var both = new ListingPricing { Currency = "USD", Per1kInferencesMinor = 4, MonthlyMinor = 35_000 };
        var licensed = both with { OnPremLicenseMinor = 1_000_000 };
        var monthlyOnly = both with { Per1kInferencesMinor = null };

        Assert.Equal(LineKind.ModelUsage, SolutionPricing.ModelPriceKind(both, DeploymentOption.Cloud));
        Assert.Equal(LineKind.ModelSubscription, SolutionPricing.ModelPriceKind(both, DeploymentOption.Private));
        Assert.Equal(LineKind.ModelLicense, SolutionPricing.ModelPriceKind(licensed, DeploymentOption.Private));
        Assert.Equal(LineKind.ModelSubscription, SolutionPricing.ModelPriceKind(monthlyOnly, DeploymentOption.Cloud));
        Assert.Equal(LineKind.ModelUsage, SolutionPricing.ModelPriceKind(both with { MonthlyMinor = null }, DeploymentOption.Private));
        Assert.Null(SolutionPricing.ModelPriceKind(new ListingPricing { Currency = "USD" }, DeploymentOption.Cloud));
    }
}
