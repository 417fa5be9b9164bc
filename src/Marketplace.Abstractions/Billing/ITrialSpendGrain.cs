using Marketplace.Domain.Billing;

namespace Marketplace.Abstractions.Billing;

/// <summary>
/// An organisation's paid sandbox trials (key: organisation id): its spend cap, what paid trials
/// cost this month model by model, and the monthly invoice for them. The quota grain asks it once
/// per trial beyond the free quota; a trial id charged before is not charged again.
/// </summary>
[Alias("Marketplace.ITrialSpendGrain")]
public interface ITrialSpendGrain : IGrainWithStringKey
{
    [Alias("SetCapAsync")]
    Task<TrialSpendView> SetCapAsync(SpendCap? cap, string actor);

    [Alias("GetAsync")]
    Task<TrialSpendView> GetAsync();

    [Alias("ChargeAsync")]
    Task<SpendDecision> ChargeAsync(TrialCharge charge);

    /// <summary>Issues the invoice of every ended month not invoiced yet; a daily reminder calls it.</summary>
    [Alias("InvoiceEndedMonthsAsync")]
    Task<IReadOnlyList<string>> InvoiceEndedMonthsAsync();
}

[GenerateSerializer, Immutable, Alias("Marketplace.TrialSpendView")]
public sealed record TrialSpendView(
    [property: Id(0)] SpendCap? Cap,
    [property: Id(1)] string Month,
    [property: Id(2)] long SpentMinor,
    [property: Id(3)] int PaidTrials,
    [property: Id(4)] IReadOnlyList<TrialSpendLine> Models,
    [property: Id(5)] IReadOnlyList<string> InvoiceIds);

/// <summary>One model's paid trials in the month: inferences and what they come to at its price.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.TrialSpendLine")]
public sealed record TrialSpendLine(
    [property: Id(0)] string ListingId,
    [property: Id(1)] string ModelName,
    [property: Id(2)] long Inferences,
    [property: Id(3)] long Per1kMinor,
    [property: Id(4)] long AmountMinor,
    [property: Id(5)] string Currency = "USD");
