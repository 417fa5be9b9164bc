using Marketplace.Domain.Billing;

namespace Marketplace.Domain.Tests.Billing;

public sealed class SpendCapTests
{
    private static TrialCharge Charge(int inferences = 16, long per1k = 2, string currency = "USD") =>
        new("trial_1", "lst_m", "MiniLM", "org_p", "Model Co", currency, per1k, inferences);

    [Fact]
    public void Without_a_cap_paid_trials_are_off_and_the_answer_says_how_to_turn_them_on()
    {
        var decision = SpendCaps.Decide(null, 0, Charge());

        Assert.False(decision.Allowed);
        Assert.Contains("set a monthly spend cap", decision.Reason, StringComparison.Ordinal);
        Assert.False(SpendCaps.Decide(new SpendCap(0, "USD"), 0, Charge()).Allowed);
    }

    [Fact]
    public void A_trial_that_would_pass_the_cap_is_refused_naming_it_and_one_that_reaches_it_exactly_runs()
    {
        var cap = new SpendCap(1, "USD");

        var exactly = SpendCaps.Decide(cap, 1_000 - 32, Charge());
        var over = SpendCaps.Decide(cap, 1_000 - 31, Charge());

        Assert.True(exactly.Allowed);
        Assert.Equal(1, exactly.SpentMinor);
        Assert.False(over.Allowed);
        Assert.Contains("monthly spend cap of USD 0.01", over.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void From_eighty_percent_of_the_cap_each_trial_warns()
    {
        var cap = new SpendCap(100, "USD");

        var below = SpendCaps.Decide(cap, 79_999 - 32, Charge());
        var at = SpendCaps.Decide(cap, 80_000 - 32, Charge());

        Assert.Null(below.Warning);
        Assert.Equal("USD 0.80 of your monthly spend cap of USD 1.00 is used (80 %).", at.Warning);
    }

    [Fact]
    public void A_model_priced_in_another_currency_than_the_cap_is_refused()
    {
        var decision = SpendCaps.Decide(new SpendCap(10_000, "EUR"), 0, Charge());

        Assert.False(decision.Allowed);
        Assert.Contains("priced in USD", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Spend_is_kept_in_thousandths_so_no_trial_is_rounded_and_whole_units_round_up()
    {
        Assert.Equal(32, Charge().CostMilliMinor);
        Assert.Equal(1, SpendCaps.SpentMinor(1));
        Assert.Equal(1, SpendCaps.SpentMinor(1_000));
        Assert.Equal(2, SpendCaps.SpentMinor(1_001));
        Assert.Equal("2026-12", SpendCaps.MonthOf(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), SpendCaps.MonthEnd(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero)));
    }
}
