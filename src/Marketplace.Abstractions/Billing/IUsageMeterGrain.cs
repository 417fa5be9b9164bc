using Marketplace.Domain.Billing;

namespace Marketplace.Abstractions.Billing;

/// <summary>
/// An order's metered usage (key: order id): the one writer that accepts records and closes months,
/// so a month closed for its invoice takes no record after it, and the invoice never changes.
/// </summary>
[Alias("Marketplace.IUsageMeterGrain")]
public interface IUsageMeterGrain : IGrainWithStringKey
{
    /// <summary>Idempotent: the order's customer, usage-priced lines and term, set when the order is placed.</summary>
    [Alias("ConfigureAsync")]
    Task ConfigureAsync(MeterSetup setup);

    /// <summary>Records what may be recorded; one result per record, by its index in the caller's batch.</summary>
    [Alias("RecordAsync")]
    Task<UsageAnswers> RecordAsync(UsageBatch batch);

    /// <summary>Closes a month of the term (no record for it is accepted after) and answers its quantity per line; again, the same answer.</summary>
    [Alias("CloseMonthAsync")]
    Task<IReadOnlyDictionary<string, long>> CloseMonthAsync(int month);

    /// <summary>The order's usage so far, month by month and line by line, with what it comes to at the agreed prices.</summary>
    [Alias("GetAsync")]
    Task<MeterView?> GetAsync();
}

[GenerateSerializer, Immutable, Alias("Marketplace.MeterSetup")]
public sealed record MeterSetup(
    [property: Id(0)] string OrganizationId,
    [property: Id(1)] string Currency,
    [property: Id(2)] MeteringTerm Term,
    [property: Id(3)] IReadOnlyList<MeteredLine> Lines);

/// <summary>
/// Records for one order and who sent them. Immutable, so a call inside the silo hands the list over
/// instead of copying a thousand records (ingestion is throughput-bound).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.UsageBatch")]
public sealed record UsageBatch([property: Id(0)] IReadOnlyList<UsageBatchItem> Items, [property: Id(1)] string Reporter);

/// <summary>One answer per record of a <see cref="UsageBatch"/>, in its order.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.UsageAnswers")]
public sealed record UsageAnswers([property: Id(0)] IReadOnlyList<UsageRecordResult> Results);

/// <summary>One record of a caller's batch, with its position there so the answers line up.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.UsageBatchItem")]
public sealed record UsageBatchItem([property: Id(0)] int Index, [property: Id(1)] UsageRecord Record);

[GenerateSerializer, Immutable, Alias("Marketplace.MeterView")]
public sealed record MeterView(
    [property: Id(0)] string OrganizationId,
    [property: Id(1)] string Currency,
    [property: Id(2)] MeteringTerm Term,
    [property: Id(3)] IReadOnlyList<MeteredLine> Lines,
    [property: Id(4)] int InvoicedMonths,
    [property: Id(5)] IReadOnlyList<MeteredMonth> Months);

/// <summary>A month's quantity on one line and what it comes to (invoiced, or so far).</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.MeteredMonth")]
public sealed record MeteredMonth([property: Id(0)] int Month, [property: Id(1)] string LineId, [property: Id(2)] long Quantity, [property: Id(3)] long AmountMinor, [property: Id(4)] bool Invoiced);
