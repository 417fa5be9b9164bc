using System.Runtime.CompilerServices;
using Marketplace.Domain.Billing;

namespace Marketplace.Domain.Tests.Billing;

/// <summary>
/// Drives the ledger and <see cref="BillingModel"/> with the same random operations: invoices of
/// 1–5 partners with odd and usage-rated amounts at take rates of 0–5,000 bp, tax and platform lines,
/// partial and full payments and refunds (and some beyond what is owed or paid), payouts, retries of
/// earlier entries and reused keys. The invoice and the partner accounts an operation touches are
/// compared at once; every account and the trial balance every <see cref="FullCheckEvery"/>
/// operations and at the end.
/// </summary>
internal sealed class LedgerSimulation(int seed)
{
    private const string Currency = "USD";
    private const int FullCheckEvery = 1_000;
    private const int WindowSize = 64;
    private const int RecentSize = 512;

    private static readonly string[] Partners = ["org_p-delta", "org_p-alpha", "org_P-upper", "org_p-alpha2", "org_p-b", "org_p-zz", "org_p-09", "org_p-echo"];
    private static readonly string[] Customers = [.. Enumerable.Range(0, 10).Select(i => $"org_c-{i}")];
    private static readonly string[] Gateways = ["offline", "stripe"];
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(seed);
    private readonly Ledger _ledger = new(Currency);
    private readonly BillingModel _model = new();
    private readonly List<Invoice> _window = [];
    private readonly JournalEntry[] _recent = new JournalEntry[RecentSize];
    private int _recentCount;
    private int _op;
    private int _invoices, _payments, _refunds, _credits, _payouts, _duplicates, _conflicts, _refusals, _clawedBackBelowZero;

    public string Summary =>
        $"{_invoices:N0} invoices, {_payments:N0} payments, {_refunds:N0} refunds, {_credits:N0} credit notes, {_payouts:N0} payouts, {_duplicates:N0} duplicates, " +
        $"{_conflicts:N0} conflicts, {_refusals:N0} refusals, {_clawedBackBelowZero:N0} clawbacks below zero, {_ledger.Entries.Count:N0} entries";

    public void Execute(int operations)
    {
        for (_op = 1; _op <= operations; _op++)
        {
            try
            {
                Step();
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {seed}, operation {_op}: {e}");
            }
            if (_op % FullCheckEvery == 0)
            {
                CheckEverything();
            }
        }
        Drain();
        CheckEverything();
        Check(_invoices > 0 && _payments > 0 && _refunds > 0 && _credits > 0 && _payouts > 0 && _duplicates > 0 && _conflicts > 0 && _refusals > 0 && _clawedBackBelowZero > 0,
            $"every kind of operation happened: {Summary}");
    }

    private void Step()
    {
        var roll = _random.Next(100);
        if (roll < 20 || _window.Count == 0)
        {
            Issue();
        }
        else if (roll < 45)
        {
            Pay(Pick(i => i.Shares.OutstandingMinor > 0));
        }
        else if (roll < 56)
        {
            Refund(Pick(i => i.Shares.RefundableMinor > 0));
        }
        else if (roll < 60)
        {
            Credit(Pick(i => i.Shares.OutstandingMinor > 0));
        }
        else if (roll < 75)
        {
            PayOut(Partners[_random.Next(Partners.Length)]);
        }
        else if (roll < 92)
        {
            Retry();
        }
        else
        {
            ReuseKey();
        }
    }

    private void Issue()
    {
        var lines = new List<RevenueLine>();
        var partners = (string[])Partners.Clone();
        _random.Shuffle(partners);
        foreach (var partner in partners.AsSpan(0, _random.Next(1, 6)))
        {
            for (var n = _random.Next(1, 3); n > 0; n--)
            {
                var takeRate = _random.Next(4) switch { 0 => 0, 1 => 5_000, _ => _random.Next(0, 5_001) };
                lines.Add(RevenueLine.Partner(partner, _random.Next(4) == 0 ? Usage() : Amount(), takeRate));
            }
        }
        if (_random.Next(5) == 0)
        {
            lines.Insert(_random.Next(lines.Count + 1), RevenueLine.Platform(Amount()));
        }
        if (_random.Next(2) == 0)
        {
            lines.Add(RevenueLine.Tax(Amount()));
        }
        var customer = Customers[_random.Next(Customers.Length)];
        var invoiceId = $"inv_{_op}";
        var booking = RevenueShare.Issue(invoiceId, customer, Currency, lines, Key(), At());
        var expected = _model.Issue(customer, lines);
        Check(booking.Allowed == expected is not null, $"issue allowed {booking.Allowed}, model {expected is not null}");
        if (!booking.Allowed)
        {
            _refusals++;
            return;
        }
        var invoice = new Invoice(booking.Invoice, expected!);
        Post(booking.Entry);
        CheckInvoice(invoice);
        if (_window.Count < WindowSize)
        {
            _window.Add(invoice);
        }
        else
        {
            _window[_random.Next(WindowSize)] = invoice;
        }
        _invoices++;
    }

    private void Pay(Invoice invoice)
    {
        var outstanding = invoice.Shares.OutstandingMinor;
        var amount = _random.Next(10) switch
        {
            < 5 => outstanding,
            < 9 => outstanding <= 1 ? outstanding : _random.NextInt64(1, outstanding),
            _ => outstanding + _random.NextInt64(1, 1_000),
        };
        var gateway = Gateways[_random.Next(Gateways.Length)];
        var before = invoice.Shares;
        var booking = RevenueShare.Pay(before, amount, gateway, Key(), At());
        var parts = _model.Pay(invoice.Model, amount, gateway);
        Check(booking.Allowed == parts is not null, $"payment of {amount} with {outstanding} outstanding: allowed {booking.Allowed}, model {parts is not null}");
        if (!booking.Allowed)
        {
            _refusals++;
            return;
        }
        CheckParts(amount, [.. before.Parties.Select(p => p.UncollectedMinor)], [.. booking.Invoice.Parties.Select((p, i) => p.CollectedMinor - before.Parties[i].CollectedMinor)]);
        invoice.Shares = booking.Invoice;
        Post(booking.Entry);
        CheckInvoice(invoice);
        _payments++;
    }

    private void Refund(Invoice invoice)
    {
        var refundable = invoice.Shares.RefundableMinor;
        var amount = _random.Next(10) switch
        {
            < 2 => refundable,
            < 9 => refundable <= 1 ? refundable : _random.NextInt64(1, refundable),
            _ => refundable + _random.NextInt64(1, 1_000),
        };
        var gateway = Gateways[_random.Next(Gateways.Length)];
        var before = invoice.Shares;
        var booking = RevenueShare.Refund(before, amount, gateway, Key(), At());
        var parts = _model.Refund(invoice.Model, amount, gateway);
        Check(booking.Allowed == parts is not null, $"refund of {amount} with {refundable} refundable: allowed {booking.Allowed}, model {parts is not null}");
        if (!booking.Allowed)
        {
            _refusals++;
            return;
        }
        CheckParts(amount, [.. before.Parties.Select(p => p.HeldMinor)], [.. booking.Invoice.Parties.Select((p, i) => p.RefundedMinor - before.Parties[i].RefundedMinor)]);
        invoice.Shares = booking.Invoice;
        Post(booking.Entry);
        CheckInvoice(invoice);
        _clawedBackBelowZero += invoice.Model.Parties.Count(p => _model.Payable.GetValueOrDefault(p) < 0);
        _refunds++;
    }

    private void Credit(Invoice invoice)
    {
        var outstanding = invoice.Shares.OutstandingMinor;
        var amount = _random.Next(10) switch
        {
            < 2 => outstanding,
            < 9 => outstanding <= 1 ? outstanding : _random.NextInt64(1, outstanding),
            _ => outstanding + _random.NextInt64(1, 1_000),
        };
        var before = invoice.Shares;
        var booking = RevenueShare.Credit(before, amount, Key(), At(), "Credit note");
        var parts = _model.Credit(invoice.Model, amount);
        Check(booking.Allowed == parts is not null, $"credit of {amount} with {outstanding} outstanding: allowed {booking.Allowed}, model {parts is not null}");
        if (!booking.Allowed)
        {
            _refusals++;
            return;
        }
        CheckParts(amount, [.. before.Parties.Select(p => p.UncollectedMinor)], [.. booking.Invoice.Parties.Select((p, i) => before.Parties[i].InvoicedMinor - p.InvoicedMinor)]);
        invoice.Shares = booking.Invoice;
        Post(booking.Entry);
        CheckInvoice(invoice);
        _credits++;
    }

    private void PayOut(string partner)
    {
        var available = Payouts.AvailableMinor(_ledger, partner);
        Check(available == _model.Available(partner), $"{partner} can be paid {available}, model {_model.Available(partner)}");
        long? limit = _random.Next(5) == 0 ? _random.NextInt64(0, 10_000) : null;
        var gateway = Gateways[_random.Next(Gateways.Length)];
        var entry = Payouts.Next(_ledger, partner, gateway, Key(), At(), limit);
        var amount = Math.Min(available, limit ?? long.MaxValue);
        Check((entry?.TotalMinor ?? 0) == amount, $"payout to {partner} of {entry?.TotalMinor ?? 0}, expected {amount}");
        if (entry is null)
        {
            return;
        }
        Post(entry);
        _model.PayOut(partner, gateway, amount);
        CheckPartner(partner);
        _payouts++;
    }

    /// <summary>The same operation again: the entry as it was, or rebuilt later with a new id and its postings reordered.</summary>
    private void Retry()
    {
        if (_recentCount == 0)
        {
            return;
        }
        var earlier = _recent[_random.Next(Math.Min(_recentCount, RecentSize))];
        var retry = _random.Next(2) == 0
            ? earlier
            : new JournalEntry($"je_retry-{_op}", earlier.IdempotencyKey, earlier.Currency, At(), "retried", earlier.Postings.Reverse());
        var count = _ledger.Entries.Count;
        var result = _ledger.Post(retry);
        Check(result.Outcome == PostOutcome.Duplicate && ReferenceEquals(result.Entry, earlier) && _ledger.Entries.Count == count,
            $"retry of {earlier.IdempotencyKey} was {result.Outcome}");
        _duplicates++;
    }

    /// <summary>An earlier key with other money: refused, and nothing changes.</summary>
    private void ReuseKey()
    {
        if (_recentCount == 0)
        {
            return;
        }
        var earlier = _recent[_random.Next(Math.Min(_recentCount, RecentSize))];
        var postings = earlier.Postings.ToArray();
        var debit = Array.FindIndex(postings, p => p.Side == Side.Debit);
        var credit = Array.FindIndex(postings, p => p.Side == Side.Credit);
        postings[debit] = postings[debit] with { AmountMinor = postings[debit].AmountMinor + 1 };
        postings[credit] = postings[credit] with { AmountMinor = postings[credit].AmountMinor + 1 };
        var count = _ledger.Entries.Count;
        var result = _ledger.Post(new JournalEntry($"je_reuse-{_op}", earlier.IdempotencyKey, Currency, At(), "other money", postings));
        Check(result.Outcome == PostOutcome.Conflict && ReferenceEquals(result.Entry, earlier) && _ledger.Entries.Count == count,
            $"reuse of {earlier.IdempotencyKey} was {result.Outcome}");
        _conflicts++;
    }

    /// <summary>Every invoice still in the window is paid in full, then refunded in full: each party lands exactly on its share, then on nothing.</summary>
    private void Drain()
    {
        foreach (var invoice in _window)
        {
            if (invoice.Shares.OutstandingMinor > 0)
            {
                var paid = RevenueShare.Pay(invoice.Shares, invoice.Shares.OutstandingMinor, Gateways[0], Key(), At());
                Check(paid.Allowed, "paying what is outstanding");
                _model.Pay(invoice.Model, invoice.Shares.OutstandingMinor, Gateways[0]);
                invoice.Shares = paid.Invoice!;
                Post(paid.Entry!);
            }
            Check(invoice.Shares.Parties.All(p => p.CollectedMinor == p.InvoicedMinor), "a fully paid invoice collected every share exactly");
            if (invoice.Shares.RefundableMinor > 0)
            {
                var refunded = RevenueShare.Refund(invoice.Shares, invoice.Shares.RefundableMinor, Gateways[0], Key(), At());
                Check(refunded.Allowed, "refunding what is left");
                _model.Refund(invoice.Model, invoice.Shares.RefundableMinor, Gateways[0]);
                invoice.Shares = refunded.Invoice!;
                Post(refunded.Entry!);
            }
            Check(invoice.Shares.Parties.All(p => p.RefundedMinor == p.CollectedMinor), "a fully refunded invoice gave back every share exactly");
            CheckInvoice(invoice);
        }
    }

    private void Post(JournalEntry entry)
    {
        var result = _ledger.Post(entry);
        Check(result.Outcome == PostOutcome.Posted, $"{entry.IdempotencyKey} was {result.Outcome}");
        _recent[_recentCount++ % RecentSize] = entry;
    }

    /// <summary>Parts sum to the amount exactly, and each is within one minor unit of its exact share.</summary>
    private void CheckParts(long amount, long[] weights, long[] parts)
    {
        Check(parts.Sum() == amount, $"parts {string.Join(",", parts)} sum to {parts.Sum()}, not {amount}");
        var total = weights.Sum();
        for (var i = 0; i < parts.Length; i++)
        {
            var exact = (decimal)amount * weights[i] / total;
            Check(parts[i] >= 0 && parts[i] <= weights[i] && Math.Abs(parts[i] - exact) < 1, $"part {parts[i]} of {amount} is not within one unit of exactly {exact} (weight {weights[i]} of {total})");
        }
    }

    /// <summary>The invoice's shares equal the model's party by party (both in tie-break order), and so do its partners' accounts.</summary>
    private void CheckInvoice(Invoice invoice)
    {
        var model = invoice.Model;
        var parties = invoice.Shares.Parties;
        Check(parties.Count == model.Parties.Length, $"{parties.Count} parties, model {model.Parties.Length}");
        for (var i = 0; i < parties.Count; i++)
        {
            var share = parties[i];
            var same = model.Parties[i] switch
            {
                BillingModel.PlatformKey => share.Party.Kind == PartyKind.Platform,
                BillingModel.TaxKey => share.Party.Kind == PartyKind.Tax,
                var partner => share.Party.Kind == PartyKind.Partner && share.Party.PartnerId == partner,
            };
            Check(same && share.InvoicedMinor == model.Invoiced[i] && share.CollectedMinor == model.Collected[i] && share.RefundedMinor == model.Refunded[i],
                $"{share}, model {model.Parties[i]} invoiced {model.Invoiced[i]} collected {model.Collected[i]} refunded {model.Refunded[i]}");
            if (share.Party.Kind == PartyKind.Partner)
            {
                CheckPartner(share.Party.PartnerId!);
            }
        }
    }

    private void CheckPartner(string partner)
    {
        CheckAccount(Account.PartnerPending(partner), _model.Pending.GetValueOrDefault(partner));
        CheckAccount(Account.PartnerPayable(partner), _model.Payable.GetValueOrDefault(partner));
    }

    private void CheckEverything()
    {
        var trial = _ledger.TrialBalance();
        Check(trial.Balanced, $"trial balance: debits {trial.TotalDebitMinor}, credits {trial.TotalCreditMinor}");
        Check(trial.Accounts.Aggregate(Int128.Zero, (sum, a) => sum + a.Net) == 0, "the balances sum to zero");
        foreach (var partner in Partners)
        {
            CheckPartner(partner);
        }
        foreach (var customer in Customers)
        {
            CheckAccount(Account.CustomerReceivable(customer), _model.Receivable.GetValueOrDefault(customer));
        }
        foreach (var gateway in Gateways)
        {
            CheckAccount(Account.GatewayClearing(gateway), _model.Clearing.GetValueOrDefault(gateway));
        }
        CheckAccount(Account.PlatformRevenue, _model.Revenue);
        CheckAccount(Account.Refunds, _model.Refunds);
        CheckAccount(Account.TaxPayable, _model.Tax);
    }

    private void CheckAccount(Account account, long expectedOnNormalSide)
    {
        var actual = _ledger.Balance(account).OnNormalSide;
        Check(actual == expectedOnNormalSide, $"{account} is {actual}, model {expectedOnNormalSide}");
    }

    private void Check(bool condition, string what)
    {
        if (!condition)
        {
            Assert.Fail($"seed {seed}, operation {_op}: {what.ToString()}");
        }
    }

    private void Check(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] CheckMessage what)
    {
        if (!condition)
        {
            Assert.Fail($"seed {seed}, operation {_op}: {what.ToString()}");
        }
    }

    /// <summary>A random invoice, preferably one the operation applies to; the rest test refusals.</summary>
    private Invoice Pick(Func<Invoice, bool> preferred)
    {
        var invoice = _window[_random.Next(_window.Count)];
        for (var tries = 0; tries < 3 && !preferred(invoice); tries++)
        {
            invoice = _window[_random.Next(_window.Count)];
        }
        return invoice;
    }

    /// <summary>Odd amounts: mostly small and middling, some large, half forced odd.</summary>
    private long Amount()
    {
        var amount = _random.Next(10) switch
        {
            < 3 => _random.NextInt64(1, 20),
            < 8 => _random.NextInt64(1, 100_000),
            _ => _random.NextInt64(1, 50_000_000),
        };
        return _random.Next(2) == 0 ? amount | 1 : amount;
    }

    private long Usage()
    {
        var quantity = _random.NextInt64(0, 5_000_000);
        var pricePer1k = _random.NextInt64(1, 5_000);
        var amount = UsageRating.AmountMinor(quantity, pricePer1k);
        Check(amount == BillingModel.RateUsage(quantity, pricePer1k), $"{quantity} at {pricePer1k} per 1k rated {amount}, model {BillingModel.RateUsage(quantity, pricePer1k)}");
        return amount;
    }

    private string Key() => $"op-{_op}-{_random.Next()}";

    private DateTimeOffset At() => Start.AddSeconds(_op);

    private sealed class Invoice(InvoiceShares shares, ModelInvoice model)
    {
        public InvoiceShares Shares { get; set; } = shares;

        public ModelInvoice Model { get; } = model;
    }
}
