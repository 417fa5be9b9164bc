using Marketplace.Abstractions.Billing;
using Marketplace.Application.Billing;
using Marketplace.Domain.Billing;

namespace Marketplace.Portal.Tests;

/// <summary>An invoice for two partners' lines and tax, a partner's ledger and a trial balance, as the billing requests answer them.</summary>
public static class BillingTestData
{
    public const long TotalMinor = 1_800_000;

    public static IReadOnlyList<InvoiceLine> Lines { get; } =
    [
        new("org_hw", "Fjordline", "2 × Edge server", 1_000_000, 1000, false),
        new("org_tessel", "Tessel Vision", "Fixed fee", 500_000, 1000, false),
        new("tax", "Tax (collected by the marketplace)", "VAT 20 %", 300_000, 0, true),
    ];

    public static InvoiceSnapshot Invoice(InvoiceStatus status = InvoiceStatus.Open, long paidMinor = 0, long refundedMinor = 0) => new(
        "inv_1", "org_customer", "ord_1", "USD", status, "ResNet-50 + Tessel: upfront", Lines, TotalMinor, paidMinor, refundedMinor,
        TestData.At, TestData.At.AddDays(30),
        paidMinor == 0 ? [] : [new InvoicePayment(PaymentMethods.Offline, paidMinor, "TRF-1", TestData.At.AddDays(3), "Olga Operator")],
        refundedMinor == 0 ? [] : [new InvoiceRefund(refundedMinor, "Damaged unit", TestData.At.AddDays(5), "Olga Operator")]);

    public static InvoiceSummary Summary(string id, string organizationId, InvoiceStatus status = InvoiceStatus.Open) =>
        new(id, organizationId, "ord_1", "USD", status, "ResNet-50 + Tessel: upfront", TotalMinor, status == InvoiceStatus.Paid ? 0 : TotalMinor, TestData.At, TestData.At.AddDays(30));

    /// <summary>Earned in October and November, a clawback and a payout in November: payable USD 4,500.00.</summary>
    public static PartnerLedgerView Ledger(string partnerId = TestCallers.PartnerId, string currency = "USD") => new(
        partnerId, currency, PendingMinor: 300_000, PayableMinor: 450_000, PaidOutMinor: 800_000,
        [
            new EarningLine("je_1", TestData.At.AddMonths(-1), "Invoice inv_0 paid", 900_000, 900_000),
            new EarningLine("je_2", TestData.At, "Invoice inv_1 paid", 450_000, 1_350_000),
            new EarningLine("je_3", TestData.At.AddDays(8), "Refund of invoice inv_1", -100_000, 1_250_000),
            new EarningLine("je_4", TestData.At.AddDays(18), "Payout", -800_000, 450_000),
        ]);

    public static TrialBalanceView Balance(long receivableDebitMinor = 1_800_000) => new(
        receivableDebitMinor == 1_800_000,
        [
            new AccountBalanceView("receivable:org_customer", "USD", receivableDebitMinor, 0),
            new AccountBalanceView("partner-payable:org_hw", "USD", 0, 900_000),
            new AccountBalanceView("partner-payable:org_tessel", "USD", 0, 450_000),
            new AccountBalanceView("platform-revenue", "USD", 0, 150_000),
            new AccountBalanceView("tax-payable", "USD", 0, 300_000),
            new AccountBalanceView("receivable:org_other", "EUR", 50_000, 0),
            new AccountBalanceView("platform-revenue", "EUR", 0, 50_000),
        ]);
}
