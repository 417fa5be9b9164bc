using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Errors;
using Marketplace.Domain.Billing;

namespace Marketplace.Grains.Billing;

/// <summary>
/// An invoice and its booking. Every money event is posted to the ledger first, under a key derived
/// from the invoice and the event, and only then written here: after a crash between the two, the
/// retry finds its entry on the ledger (a duplicate, not a second posting) and completes the write.
/// </summary>
public sealed class InvoiceGrain(
    [PersistentState("invoice", StorageNames.Default)] IPersistentState<InvoiceState> state,
    TimeProvider time) : Grain, IInvoiceGrain, IRemindable
{
    private const string OverdueReminderName = "overdue";

    /// <summary>How often an overdue invoice's customer is reminded.</summary>
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromDays(7);

    private InvoiceState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public async Task<InvoiceSnapshot> IssueAsync(InvoiceDraft draft)
    {
        if (S.Invoice is { } issued)
        {
            return issued;
        }
        var booking = RevenueShare.Issue(Id, draft.OrganizationId, draft.Currency, draft.Lines.Select(l => l.ToRevenueLine()).ToList(), LedgerKeys.Issue(Id), draft.IssuedAt);
        if (!booking.Allowed)
        {
            throw new ConflictException("invoice.empty", booking.Refusal!);
        }
        await PostAsync(booking.Entry!);
        S.Shares = ShareState.From(booking.Invoice!);
        S.Invoice = new InvoiceSnapshot(Id, draft.OrganizationId, draft.OrderId, draft.Currency, InvoiceStatus.Open, draft.Title, draft.Lines,
            booking.Invoice!.TotalMinor, 0, 0, draft.IssuedAt, draft.DueAt, [], []);
        await SaveAsync();
        var untilDue = draft.DueAt - time.GetUtcNow();
        await this.RegisterOrUpdateReminder(OverdueReminderName, untilDue > TimeSpan.FromMinutes(1) ? untilDue : TimeSpan.FromMinutes(1), ReminderInterval);
        return S.Invoice;
    }

    public Task<InvoiceSnapshot?> GetAsync() => Task.FromResult(S.Invoice);

    public async Task<InvoiceSnapshot> PayAsync(string method, long amountMinor, string reference, string actor)
    {
        var invoice = S.Invoice ?? throw new NotFoundException("Invoice", Id);
        if (invoice.Payments.FirstOrDefault(p => p.Reference == reference) is { } known)
        {
            return known.AmountMinor == amountMinor
                ? invoice
                : throw new ConflictException("invoice.payment_reference_reused", $"Payment reference '{reference}' was recorded for {known.AmountMinor} minor units, not {amountMinor}.");
        }
        switch (invoice.Status)
        {
            case InvoiceStatus.Paid:
                throw new ConflictException("invoice.paid", $"Invoice {Id} is paid in full; nothing is due.");
            case InvoiceStatus.Void or InvoiceStatus.Uncollectible or InvoiceStatus.Draft:
                throw new ConflictException("invoice.not_open", $"Invoice {Id} is {invoice.Status}; only an open invoice takes payments.");
        }
        if (amountMinor > invoice.DueMinor)
        {
            throw new ConflictException("invoice.overpaid", $"Only {invoice.DueMinor} minor units are due on invoice {Id}; {amountMinor} would overpay it.");
        }
        var at = time.GetUtcNow();
        var booking = RevenueShare.Pay(ShareState.ToShares(S.Shares!, Id, invoice.OrganizationId, invoice.Currency), amountMinor, PaymentMethods.GatewayOf(method), LedgerKeys.Payment(Id, reference), at);
        if (!booking.Allowed)
        {
            throw new ConflictException("invoice.payment_refused", booking.Refusal!);
        }
        await PostAsync(booking.Entry!);
        S.Shares = ShareState.From(booking.Invoice!);
        var paid = invoice.PaidMinor + amountMinor;
        S.Invoice = invoice with
        {
            PaidMinor = paid,
            Status = paid + invoice.CreditedMinor == invoice.TotalMinor ? InvoiceStatus.Paid : InvoiceStatus.Open,
            Payments = [.. invoice.Payments, new InvoicePayment(method, amountMinor, reference, at, actor)],
        };
        await SaveAsync();
        return S.Invoice;
    }

    public async Task<InvoiceSnapshot> VoidAsync(string reason, string actor)
    {
        var invoice = S.Invoice ?? throw new NotFoundException("Invoice", Id);
        if (invoice.Status == InvoiceStatus.Void)
        {
            return invoice;
        }
        if (invoice.Status != InvoiceStatus.Open || invoice.PaidMinor > 0 || invoice.CreditedMinor > 0)
        {
            throw new ConflictException("invoice.not_voidable",
                $"Invoice {Id} is {invoice.Status} with {invoice.PaidMinor} minor units paid and {invoice.CreditedMinor} credited; only an open invoice nothing was paid or credited on can be voided (credit or refund it instead).");
        }
        // The issue entry is rebuilt exactly as it was posted (same lines, same key) and reversed posting by posting.
        var issued = RevenueShare.Issue(Id, invoice.OrganizationId, invoice.Currency, invoice.Lines.Select(l => l.ToRevenueLine()).ToList(), LedgerKeys.Issue(Id), invoice.IssuedAt);
        await PostAsync(JournalEntry.Reversal(issued.Entry!, LedgerKeys.Void(Id), time.GetUtcNow()));
        S.Invoice = invoice with { Status = InvoiceStatus.Void, VoidReason = reason };
        await SaveAsync();
        return S.Invoice;
    }

    public async Task<InvoiceSnapshot> RefundAsync(long amountMinor, string reason, string actor)
    {
        var invoice = S.Invoice ?? throw new NotFoundException("Invoice", Id);
        var refundable = invoice.PaidMinor - invoice.RefundedMinor;
        if (amountMinor > refundable)
        {
            throw new ConflictException("invoice.refund_exceeds_paid", $"Only {refundable} minor units of invoice {Id} were paid and not yet refunded; {amountMinor} cannot be refunded.");
        }
        var at = time.GetUtcNow();
        // The n-th refund's key: a retry after a crash finds its entry; a different amount under it is refused by the ledger.
        var key = LedgerKeys.Refund(Id, invoice.Refunds.Count + 1);
        var gateway = PaymentMethods.GatewayOf(invoice.Payments.LastOrDefault()?.Method ?? PaymentMethods.Offline);
        var booking = RevenueShare.Refund(ShareState.ToShares(S.Shares!, Id, invoice.OrganizationId, invoice.Currency), amountMinor, gateway, key, at);
        if (!booking.Allowed)
        {
            throw new ConflictException("invoice.refund_refused", booking.Refusal!);
        }
        await PostAsync(booking.Entry!);
        S.Shares = ShareState.From(booking.Invoice!);
        S.Invoice = invoice with
        {
            RefundedMinor = invoice.RefundedMinor + amountMinor,
            Refunds = [.. invoice.Refunds, new InvoiceRefund(amountMinor, reason, at, actor)],
        };
        await SaveAsync();
        return S.Invoice;
    }

    public async Task<InvoiceSnapshot> CreditAsync(long amountMinor, string reason, string actor)
    {
        var invoice = S.Invoice ?? throw new NotFoundException("Invoice", Id);
        if (invoice.Status != InvoiceStatus.Open)
        {
            throw new ConflictException("invoice.not_open", $"Invoice {Id} is {invoice.Status}; a credit note reduces what an open invoice still owes (refund a paid one).");
        }
        S.Invoice = await CreditNoteAsync(invoice, amountMinor, reason, actor, "Credit note");
        if (S.Invoice.DueMinor == 0)
        {
            S.Invoice = S.Invoice with { Status = InvoiceStatus.Paid };
        }
        await SaveAsync();
        return S.Invoice;
    }

    public async Task<InvoiceSnapshot> MarkUncollectibleAsync(string reason, string actor)
    {
        var invoice = S.Invoice ?? throw new NotFoundException("Invoice", Id);
        if (invoice.Status == InvoiceStatus.Uncollectible)
        {
            return invoice;
        }
        if (!invoice.IsOverdue(time.GetUtcNow()))
        {
            throw new ConflictException("invoice.not_overdue", $"Invoice {Id} is {invoice.Status}, due {invoice.DueAt:yyyy-MM-dd}; only an open invoice past its due date can be written off as uncollectible.");
        }
        // What is still owed is written off like a credit note: partners' unpaid shares go with it; paid parts stay paid.
        S.Invoice = await CreditNoteAsync(invoice, invoice.DueMinor, reason, actor, "Written off as uncollectible") with
        {
            Status = InvoiceStatus.Uncollectible,
            UncollectibleReason = reason,
        };
        await SaveAsync();
        return S.Invoice;
    }

    public async Task<InvoiceSnapshot?> RemindIfOverdueAsync()
    {
        var now = time.GetUtcNow();
        if (S.Invoice is not { } invoice || !invoice.IsOverdue(now))
        {
            if (S.Invoice is { Status: not InvoiceStatus.Open } && await this.GetReminder(OverdueReminderName) is { } done)
            {
                await this.UnregisterReminder(done);
            }
            return S.Invoice;
        }
        // One reminder per interval, however often the reminder fires (a retry, a restart).
        if (invoice.Reminders is { Count: > 0 } sent && now - sent[^1].At < ReminderInterval - TimeSpan.FromHours(1))
        {
            return invoice;
        }
        S.Invoice = invoice with { Reminders = [.. invoice.Reminders ?? [], new OverdueReminder(now, (int)(now - invoice.DueAt).TotalDays, invoice.DueMinor)] };
        await SaveAsync();
        return S.Invoice;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => RemindIfOverdueAsync();

    private async Task<InvoiceSnapshot> CreditNoteAsync(InvoiceSnapshot invoice, long amountMinor, string reason, string actor, string why)
    {
        var number = $"CN-{Id["inv_".Length..]}-{(invoice.CreditNotes?.Count ?? 0) + 1}";
        var booking = RevenueShare.Credit(ShareState.ToShares(S.Shares!, Id, invoice.OrganizationId, invoice.Currency), amountMinor, LedgerKeys.Credit(Id, number), time.GetUtcNow(), why);
        if (!booking.Allowed)
        {
            throw new ConflictException("invoice.credit_exceeds_due", booking.Refusal!);
        }
        await PostAsync(booking.Entry!);
        S.Shares = ShareState.From(booking.Invoice!);
        return invoice with { CreditNotes = [.. invoice.CreditNotes ?? [], new InvoiceCreditNote(number, amountMinor, reason, time.GetUtcNow(), actor)] };
    }

    private async Task PostAsync(JournalEntry entry)
    {
        var outcome = await GrainFactory.GetGrain<ILedgerGrain>(entry.Currency).PostAsync(JournalEntryData.From(entry));
        if (outcome == PostOutcome.Conflict)
        {
            throw new ConflictException("ledger.key_conflict", $"The ledger already holds different money under '{entry.IdempotencyKey}'; nothing was booked.");
        }
    }

    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        var summary = S.Invoice!.Summary;
        await Task.WhenAll(
            GrainFactory.GetGrain<IInvoiceBookGrain>(summary.OrganizationId).RecordAsync(summary),
            GrainFactory.GetGrain<IInvoiceBookGrain>(IInvoiceBookGrain.Everyone).RecordAsync(summary));
    }
}

[GenerateSerializer, Alias("Marketplace.InvoiceState")]
public sealed class InvoiceState
{
    [Id(0)]
    public InvoiceSnapshot? Invoice { get; set; }

    [Id(1)]
    public List<ShareState>? Shares { get; set; }
}

/// <summary>One party's share of an invoice as stored: invoiced, collected and refunded so far.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ShareState")]
public sealed record ShareState([property: Id(0)] int Kind, [property: Id(1)] string? PartnerId, [property: Id(2)] long Invoiced, [property: Id(3)] long Collected, [property: Id(4)] long Refunded)
{
    public static List<ShareState> From(InvoiceShares shares) =>
        shares.Parties.Select(p => new ShareState((int)p.Party.Kind, p.Party.PartnerId, p.InvoicedMinor, p.CollectedMinor, p.RefundedMinor)).ToList();

    private Party Party => (PartyKind)Kind switch
    {
        PartyKind.Partner => Party.Partner(PartnerId!),
        PartyKind.Platform => Party.Platform,
        _ => Party.Tax,
    };

    public static InvoiceShares ToShares(List<ShareState> shares, string invoiceId, string customerId, string currency) =>
        new(invoiceId, customerId, currency, shares.Select(s => new PartyShare(s.Party, s.Invoiced, s.Collected, s.Refunded)).ToList());
}
