using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Solutions;
using Marketplace.Domain.Solutions;
using Microsoft.Extensions.Logging;

namespace Marketplace.Grains.Solutions;

/// <summary>
/// A quote's versions and its one acceptance. Not reentrant: accepting twice at once is decided
/// one call at a time. Expiry is a durable reminder at the current version's validity, and is also
/// applied whenever the quote is read after it, so a late reminder never lets an old price be accepted.
/// </summary>
public sealed partial class QuoteGrain(
    [PersistentState("quote", StorageNames.Default)] IPersistentState<QuoteState> state,
    TimeProvider time,
    ILogger<QuoteGrain> logger) : Grain, IQuoteGrain, IRemindable
{
    private const string ExpiryReminder = "expiry";

    private QuoteState S => state.State;

    public async Task<QuoteSnapshot> IssueAsync(string organizationId, QuoteVersion version, string actor)
    {
        if (S.Versions.Count > 0)
        {
            throw new ConflictException("quote.exists", $"Quote '{this.GetPrimaryKeyString()}' already exists.");
        }
        S.OrganizationId = organizationId;
        S.Versions.Add(version);
        S.Status = QuoteStatus.Open;
        await state.WriteStateAsync();
        await ScheduleExpiryAsync(version);
        LogIssued(this.GetPrimaryKeyString(), organizationId, version.TotalMinor, version.Currency, actor);
        return await RecordAsync();
    }

    public async Task<QuoteSnapshot?> GetAsync()
    {
        if (S.Versions.Count == 0)
        {
            return null;
        }
        await ExpireIfDueAsync();
        return Snapshot();
    }

    public async Task<QuoteSnapshot> ReviseAsync(QuoteVersion version, string actor)
    {
        EnsureExists();
        if (S.Status == QuoteStatus.Accepted)
        {
            throw new ConflictException("quote.accepted", "This quote was accepted; its order stands. Ask for a new quote instead.");
        }
        S.Versions.Add(version with { Number = S.Versions.Count + 1 });
        S.Status = QuoteStatus.Open;
        await state.WriteStateAsync();
        await ScheduleExpiryAsync(version);
        return await RecordAsync();
    }

    public async Task<QuoteAcceptance> AcceptAsync(string actor)
    {
        EnsureExists();
        await ExpireIfDueAsync();
        switch (S.Status)
        {
            case QuoteStatus.Accepted:
                throw new ConflictException("quote.already_accepted", $"This quote was accepted on {S.AcceptedAt:yyyy-MM-dd HH:mm} UTC as order {S.OrderId}.");
            case QuoteStatus.Expired:
                throw new ConflictException("quote.expired", $"This quote expired on {S.Versions[^1].ValidUntil:yyyy-MM-dd HH:mm} UTC; re-quote it for current prices.");
        }
        var current = S.Versions[^1];
        // The order id follows from the quote, so an acceptance retried after a crash finds its order.
        var orderId = "ord_" + this.GetPrimaryKeyString()["qte_".Length..];
        var now = time.GetUtcNow();
        var order = await GrainFactory.GetGrain<IOrderGrain>(orderId).PlaceAsync(new OrderSnapshot(
            orderId, this.GetPrimaryKeyString(), current.Number, S.OrganizationId!, current.Currency, current.TotalMinor,
            QuoteRules.OrderLines(current), now, "Accepted"), current);
        S.Status = QuoteStatus.Accepted;
        S.OrderId = orderId;
        S.AcceptedAt = now;
        await state.WriteStateAsync();
        await UnscheduleExpiryAsync();
        await RecordAsync();
        var title = Title(current);
        await Task.WhenAll(
            GrainFactory.GetGrain<IQuoteBookGrain>(S.OrganizationId!).RecordOrderAsync(new OrderSummary(orderId, this.GetPrimaryKeyString(), S.OrganizationId!, current.Currency, current.TotalMinor, now, title)),
            GrainFactory.GetGrain<IQuoteBookGrain>(IQuoteBookGrain.Everyone).RecordOrderAsync(new OrderSummary(orderId, this.GetPrimaryKeyString(), S.OrganizationId!, current.Currency, current.TotalMinor, now, title)));
        LogAccepted(this.GetPrimaryKeyString(), orderId, actor);
        return new QuoteAcceptance(orderId, order.InvoiceIds ?? []);
    }



    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await ExpireIfDueAsync();
        if (S.Status != QuoteStatus.Open)
        {
            await UnscheduleExpiryAsync();
        }
    }

    private async Task ExpireIfDueAsync()
    {
        if (S.Status == QuoteStatus.Open && QuoteRules.IsExpired(S.Versions[^1], time.GetUtcNow()))
        {
            S.Status = QuoteStatus.Expired;
            await state.WriteStateAsync();
            await RecordAsync();
        }
    }

    private Task ScheduleExpiryAsync(QuoteVersion version)
    {
        // Reminders fire at most once a minute; the due time is the validity, the period a retry.
        var due = version.ValidUntil - time.GetUtcNow();
        return this.RegisterOrUpdateReminder(ExpiryReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, TimeSpan.FromHours(1));
    }

    private async Task UnscheduleExpiryAsync()
    {
        if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Keeps the customer's and the operator's lists of quotes in step.</summary>
    private async Task<QuoteSnapshot> RecordAsync()
    {
        var current = S.Versions[^1];
        var summary = new QuoteSummary(this.GetPrimaryKeyString(), S.OrganizationId!, S.Status, current.Number, current.Currency, current.TotalMinor, current.IssuedAt, current.ValidUntil, Title(current));
        await Task.WhenAll(
            GrainFactory.GetGrain<IQuoteBookGrain>(S.OrganizationId!).RecordQuoteAsync(summary),
            GrainFactory.GetGrain<IQuoteBookGrain>(IQuoteBookGrain.Everyone).RecordQuoteAsync(summary));
        return Snapshot();
    }

    internal static string Title(QuoteVersion version) =>
        $"{string.Join(" + ", version.Models.Select(m => m.Listing.Name))} on {version.HardwareUnits} × {version.Hardware.Name}, by {version.Integrator.Name}";

    private QuoteSnapshot Snapshot() => new(this.GetPrimaryKeyString(), S.OrganizationId!, S.Status, [.. S.Versions], S.OrderId, S.AcceptedAt);

    private void EnsureExists()
    {
        if (S.Versions.Count == 0)
        {
            throw new NotFoundException("Quote", this.GetPrimaryKeyString());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quote {QuoteId} issued to {OrganizationId}: {TotalMinor} {Currency} (by {Actor})")]
    private partial void LogIssued(string quoteId, string organizationId, long totalMinor, string currency, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quote {QuoteId} accepted as order {OrderId} (by {Actor})")]
    private partial void LogAccepted(string quoteId, string orderId, string actor);
}

[GenerateSerializer, Alias("Marketplace.QuoteState")]
public sealed class QuoteState
{
    [Id(0)]
    public string? OrganizationId { get; set; }

    [Id(1)]
    public QuoteStatus Status { get; set; }

    [Id(2)]
    public List<QuoteVersion> Versions { get; set; } = [];

    [Id(3)]
    public string? OrderId { get; set; }

    [Id(4)]
    public DateTimeOffset? AcceptedAt { get; set; }
}
