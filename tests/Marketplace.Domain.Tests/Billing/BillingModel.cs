using Marketplace.Domain.Billing;

namespace Marketplace.Domain.Tests.Billing;

/// <summary>
/// A deliberately plain model of the billing rules for the property test: dictionaries of expected
/// balances and per-invoice arrays, exact shares in decimal, and its own rounding (floors and
/// remainders computed in decimal, leftover units handed out one at a time by scanning). It shares
/// no code with the domain's splits or ledger, only the written rules: a partner line's leftover
/// unit goes to the partner on a tie; a payment or refund splits over what each party has left,
/// leftovers to the largest remainder, ties to partners by id (ordinal), then platform, then tax.
/// </summary>
internal sealed class BillingModel
{
    public const string PlatformKey = "platform";
    public const string TaxKey = "tax";

    public Dictionary<string, long> Pending { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Payable { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Receivable { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Clearing { get; } = new(StringComparer.Ordinal);

    public long Revenue { get; private set; }

    public long Refunds { get; private set; }

    public long Tax { get; private set; }

    /// <summary>
    /// Splits one partner line, and fails when a part is a minor unit or more from exact. The
    /// domain's shares must equal the model's, so this checks every line share of the run.
    /// </summary>
    public static (long Partner, long Platform) SplitLine(long amount, int basisPoints)
    {
        var exactPartner = amount * (10_000m - basisPoints) / 10_000m;
        var exactPlatform = amount * (decimal)basisPoints / 10_000m;
        var partner = decimal.Floor(exactPartner);
        var platform = decimal.Floor(exactPlatform);
        if (partner + platform < amount)
        {
            if (exactPartner - partner >= exactPlatform - platform)
            {
                partner++;
            }
            else
            {
                platform++;
            }
        }
        if (Math.Abs(partner - exactPartner) >= 1 || partner + platform != amount)
        {
            throw new InvalidOperationException($"model split of {amount} at {basisPoints} bp is off: {partner} + {platform}");
        }
        return ((long)partner, (long)platform);
    }

    public static long RateUsage(long quantity, long pricePer1k) =>
        (long)Math.Round(quantity * (decimal)pricePer1k / 1000m, MidpointRounding.AwayFromZero);

    /// <summary>Largest remainder over weights, leftovers to the largest remainder, ties to the lower index.</summary>
    public static long[] Allocate(long amount, long[] weights)
    {
        decimal total = 0;
        foreach (var w in weights)
        {
            total += w;
        }
        var parts = new long[weights.Length];
        var remainders = new decimal[weights.Length];
        var left = amount;
        for (var i = 0; i < weights.Length; i++)
        {
            var product = (decimal)amount * weights[i];
            var floor = decimal.Floor(product / total);
            if (floor * total > product)
            {
                floor--;
            }
            else if ((floor + 1) * total <= product)
            {
                floor++;
            }
            parts[i] = (long)floor;
            remainders[i] = product - floor * total;
            left -= parts[i];
        }
        for (; left > 0; left--)
        {
            var best = -1;
            for (var i = 0; i < weights.Length; i++)
            {
                if (remainders[i] >= 0 && (best < 0 || remainders[i] > remainders[best]))
                {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }

    public ModelInvoice? Issue(string customer, IEnumerable<RevenueLine> lines)
    {
        var shares = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case RevenueLineKind.Partner:
                    var (partner, platform) = SplitLine(line.AmountMinor, line.TakeRateBasisPoints);
                    shares[line.PartnerId!] = shares.GetValueOrDefault(line.PartnerId!) + partner;
                    shares[PlatformKey] = shares.GetValueOrDefault(PlatformKey) + platform;
                    break;
                case RevenueLineKind.Platform:
                    shares[PlatformKey] = shares.GetValueOrDefault(PlatformKey) + line.AmountMinor;
                    break;
                default:
                    shares[TaxKey] = shares.GetValueOrDefault(TaxKey) + line.AmountMinor;
                    break;
            }
        }
        var order = new List<string>(shares.Count);
        foreach (var key in shares.Keys)
        {
            if (key is not PlatformKey and not TaxKey && shares[key] > 0)
            {
                order.Add(key);
            }
        }
        order.Sort(StringComparer.Ordinal);
        foreach (var key in (string[])[PlatformKey, TaxKey])
        {
            if (shares.GetValueOrDefault(key) > 0)
            {
                order.Add(key);
            }
        }
        var amounts = new long[order.Count];
        for (var i = 0; i < amounts.Length; i++)
        {
            amounts[i] = shares[order[i]];
        }
        var invoice = new ModelInvoice(customer, [.. order], amounts);
        if (invoice.Total == 0)
        {
            return null;
        }
        Add(Receivable, customer, invoice.Total);
        for (var i = 0; i < invoice.Parties.Length; i++)
        {
            switch (invoice.Parties[i])
            {
                case PlatformKey:
                    Revenue += invoice.Invoiced[i];
                    break;
                case TaxKey:
                    Tax += invoice.Invoiced[i];
                    break;
                default:
                    Add(Pending, invoice.Parties[i], invoice.Invoiced[i]);
                    break;
            }
        }
        return invoice;
    }

    /// <summary>Each party's part of the payment, or null when the payment is refused.</summary>
    public long[]? Pay(ModelInvoice invoice, long amount, string gateway)
    {
        var uncollected = invoice.Invoiced.Select((v, i) => v - invoice.Collected[i]).ToArray();
        if (amount <= 0 || amount > uncollected.Sum())
        {
            return null;
        }
        var parts = Allocate(amount, uncollected);
        Add(Clearing, gateway, amount);
        Add(Receivable, invoice.Customer, -amount);
        for (var i = 0; i < parts.Length; i++)
        {
            invoice.Collected[i] += parts[i];
            if (invoice.Parties[i] is not PlatformKey and not TaxKey)
            {
                Add(Pending, invoice.Parties[i], -parts[i]);
                Add(Payable, invoice.Parties[i], parts[i]);
            }
        }
        return parts;
    }

    public long[]? Refund(ModelInvoice invoice, long amount, string gateway)
    {
        var held = invoice.Collected.Select((v, i) => v - invoice.Refunded[i]).ToArray();
        if (amount <= 0 || amount > held.Sum())
        {
            return null;
        }
        var parts = Allocate(amount, held);
        Add(Clearing, gateway, -amount);
        for (var i = 0; i < parts.Length; i++)
        {
            invoice.Refunded[i] += parts[i];
            switch (invoice.Parties[i])
            {
                case PlatformKey:
                    Refunds += parts[i];
                    break;
                case TaxKey:
                    Tax -= parts[i];
                    break;
                default:
                    Add(Payable, invoice.Parties[i], -parts[i]);
                    break;
            }
        }
        return parts;
    }

    /// <summary>A credit note: each party's uncollected share shrinks by its part; null when refused.</summary>
    public long[]? Credit(ModelInvoice invoice, long amount)
    {
        var uncollected = invoice.Invoiced.Select((v, i) => v - invoice.Collected[i]).ToArray();
        if (amount <= 0 || amount > uncollected.Sum())
        {
            return null;
        }
        var parts = Allocate(amount, uncollected);
        Add(Receivable, invoice.Customer, -amount);
        for (var i = 0; i < parts.Length; i++)
        {
            invoice.Invoiced[i] -= parts[i];
            switch (invoice.Parties[i])
            {
                case PlatformKey:
                    Revenue -= parts[i];
                    break;
                case TaxKey:
                    Tax -= parts[i];
                    break;
                default:
                    Add(Pending, invoice.Parties[i], -parts[i]);
                    break;
            }
        }
        return parts;
    }

    public long Available(string partner) => Math.Max(0, Payable.GetValueOrDefault(partner));

    public void PayOut(string partner, string gateway, long amount)
    {
        Add(Payable, partner, -amount);
        Add(Clearing, gateway, -amount);
    }

    private static void Add(Dictionary<string, long> balances, string key, long amount) =>
        balances[key] = balances.GetValueOrDefault(key) + amount;
}

/// <summary>The model's invoice: parties in tie-break order and what each was invoiced, collected and refunded.</summary>
internal sealed class ModelInvoice(string customer, string[] parties, long[] invoiced)
{
    public string Customer { get; } = customer;

    public string[] Parties { get; } = parties;

    public long[] Invoiced { get; } = invoiced;

    public long[] Collected { get; } = new long[parties.Length];

    public long[] Refunded { get; } = new long[parties.Length];

    public long Total
    {
        get
        {
            long total = 0;
            foreach (var amount in Invoiced)
            {
                total += amount;
            }
            return total;
        }
    }
}
