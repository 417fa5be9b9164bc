using FluentValidation;
using Marketplace.Abstractions.Billing;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Billing;
using Mediator;

namespace Marketplace.Application.Billing;

/// <summary>
/// A deployment reports a batch of usage records against its order's usage-priced lines (the
/// customer's API key). Each record is answered on its own: accepted, a duplicate of one already
/// recorded (a no-op), or refused with the reason; a batch is never half-written.
/// </summary>
public sealed record RecordUsage(IReadOnlyList<UsageRecord?>? Events) : ICommand<UsageBatchAnswer>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Customer();
}

public sealed record UsageBatchAnswer(int Accepted, int Duplicates, int Refused, IReadOnlyList<UsageEventAnswer> Events);

/// <summary>One record's fate; <c>status</c> is <c>accepted</c>, <c>duplicate</c> or <c>refused</c> (with a reason).</summary>
public sealed record UsageEventAnswer(int Index, string? Id, string Status, string? Reason)
{
    public static UsageEventAnswer From(UsageRecordResult result) => new(result.Index, result.Id, result.Outcome.ToString().ToLowerInvariant(), result.Reason);
}

public sealed class RecordUsageValidator : AbstractValidator<RecordUsage>
{
    public RecordUsageValidator() =>
        RuleFor(c => c.Events).NotNull().WithMessage("'events' is required: a list of usage records.")
            .Must(e => e is { Count: > 0 and <= Metering.MaxRecordsPerBatch })
            .WithMessage($"'events' must hold 1 to {Metering.MaxRecordsPerBatch} records.");
}

public sealed class RecordUsageHandler(IGrainFactory grains, ICallerAccessor callers, IResourceOwners owners) : ICommandHandler<RecordUsage, UsageBatchAnswer>
{
    private const string NotYours = "is not a usage-priced line of an order you can report for";

    public async ValueTask<UsageBatchAnswer> Handle(RecordUsage command, CancellationToken cancellationToken)
    {
        var caller = await callers.GetCallerAsync(cancellationToken);
        var reporter = Partners.Actors.Describe(caller);
        var answers = new List<UsageRecordResult>();
        var byOrder = command.Events!.Select((record, index) => new UsageBatchItem(index, record ?? new UsageRecord(null, null, null, null, null)))
            .GroupBy(item => Metering.OrderIdOf(item.Record.OrderLineId?.Trim()));
        var calls = new List<Task<UsageAnswers>>();
        foreach (var group in byOrder)
        {
            if (group.Key is { } orderId && await MayReportAsync(caller, orderId))
            {
                calls.Add(grains.GetGrain<IUsageMeterGrain>(orderId).RecordAsync(new UsageBatch(group.ToList(), reporter)));
            }
            else
            {
                answers.AddRange(group.Select(item => UsageRecordResult.Refused(item.Index, item.Record.Id,
                    string.IsNullOrWhiteSpace(item.Record.OrderLineId) ? "'orderLineId' is required." : $"'orderLineId' '{item.Record.OrderLineId}' {NotYours}.")));
            }
        }
        foreach (var results in await Task.WhenAll(calls))
        {
            answers.AddRange(results.Results);
        }
        var ordered = answers.OrderBy(a => a.Index).Select(UsageEventAnswer.From).ToList();
        return new UsageBatchAnswer(
            answers.Count(a => a.Outcome == UsageOutcome.Accepted),
            answers.Count(a => a.Outcome == UsageOutcome.Duplicate),
            answers.Count(a => a.Outcome == UsageOutcome.Refused),
            ordered);
    }

    private async ValueTask<bool> MayReportAsync(Caller caller, string orderId) =>
        await owners.OrderOwnerAsync(orderId) is { } owner && (caller.IsOperator || owner == caller.OrganizationId);
}

/// <summary>An order's metered usage so far, month by month, to its customer and operators.</summary>
public sealed record GetOrderUsage(string OrderId) : IQuery<MeterView>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Order(OrderId);
}

public sealed class GetOrderUsageHandler(IGrainFactory grains) : IQueryHandler<GetOrderUsage, MeterView>
{
    public async ValueTask<MeterView> Handle(GetOrderUsage query, CancellationToken cancellationToken) =>
        await grains.GetGrain<IUsageMeterGrain>(query.OrderId).GetAsync()
        ?? throw new Abstractions.Errors.NotFoundException("Metered usage of order", query.OrderId);
}

/// <summary>Metered usage per model and day over a window (operators' usage-by-model chart).</summary>
public sealed record GetUsageByListing(int Days = 30) : IQuery<IReadOnlyList<ListingUsageDay>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class GetUsageByListingValidator : AbstractValidator<GetUsageByListing>
{
    public GetUsageByListingValidator() => RuleFor(q => q.Days).InclusiveBetween(1, 366);
}

public sealed class GetUsageByListingHandler(IMeteredUsageStore store, TimeProvider time) : IQueryHandler<GetUsageByListing, IReadOnlyList<ListingUsageDay>>
{
    public async ValueTask<IReadOnlyList<ListingUsageDay>> Handle(GetUsageByListing query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var from = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 - query.Days);
        return await store.ByListingAsync(from, now.AddDays(1), cancellationToken);
    }
}
