using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Abstractions.Billing;
using Marketplace.Domain.Billing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Api.Tests;

/// <summary>
/// Partners paid through Stripe Connect over HTTP: onboarding through Stripe's page, payouts as
/// transfers booked on the ledger first (so a retry transfers exactly what was booked), a refused
/// transfer booked back, and card-paid invoices refunded through Stripe before the ledger.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StripeConnectApiTests(MarketplaceFactory factory)
{
    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    private async Task<(string PartnerId, JsonObject Account)> ConnectedPartnerAsync()
    {
        var (id, owner) = await factory.MemberOfNewOrganizationAsync("Partner", "Owner");
        using var response = await owner.PutAsJsonAsync($"/api/v1/partners/{id}/payout-account", new { provider = "stripe-connect", accountHolder = "Example Vision GmbH", currency = "USD" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (id, (await response.ReadObjectAsync())["payoutAccount"]!.AsObject());
    }

    /// <summary>The partner's share of a paid invoice, as the invoice grain books it: payable from the gateway's clearing account.</summary>
    private async Task EarnAsync(string partnerId, long amount)
    {
        var key = $"test-share:{Guid.NewGuid():N}";
        var entry = new JournalEntry(JournalEntry.IdFor(key), key, "USD", DateTimeOffset.UtcNow, $"Share for {partnerId}",
            [Posting.Debit(Account.GatewayClearing("offline"), amount), Posting.Credit(Account.PartnerPayable(partnerId), amount)]);
        await Grains.GetGrain<ILedgerGrain>("USD").PostAsync(JournalEntryData.From(entry));
    }

    private Task<HttpResponseMessage> PayOutAsync(string partnerId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partners/{partnerId}/payouts?currency=USD");
        request.Headers.Add("Idempotency-Key", key);
        return factory.Admin().SendAsync(request);
    }

    private async Task<JsonObject> EarningsAsync(string partnerId) => (await factory.Admin().GetFromJsonAsync<JsonObject>($"/api/v1/partners/{partnerId}/earnings?currency=USD"))!;

    [Fact]
    public async Task A_partner_links_a_stripe_express_account_and_finishes_it_on_stripes_page()
    {
        var (id, account) = await ConnectedPartnerAsync();

        Assert.Equal("stripe-connect", account["provider"]!.GetValue<string>());
        Assert.Equal("acct_" + id[4..], account["maskedReference"]!.GetValue<string>());
        Assert.Equal("Onboarding", account["status"]!.GetValue<string>());
        Assert.StartsWith("https://connect.stripe.test/", account["onboardingUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/partner/onboarding?payout=done"), account["onboardingUrl"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payout_is_booked_then_transferred_once_however_often_it_is_retried_concurrently()
    {
        var (id, account) = await ConnectedPartnerAsync();
        await EarnAsync(id, 12_345);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PayOutAsync(id, "payout-2026-12")));
        var bodies = await Task.WhenAll(answers.Select(a => a.ReadObjectAsync()));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(bodies.Select(b => b["entryId"]!.GetValue<string>()).Distinct());
        Assert.Single(bodies.Select(b => b["transferId"]!.GetValue<string>()).Distinct());
        Assert.All(bodies, b => Assert.Equal(12_345, b["amountMinor"]!.GetValue<long>()));
        var transfers = factory.Stripe.Transfers.Where(t => t.AccountId == account["maskedReference"]!.GetValue<string>()).ToList();
        Assert.Single(transfers.Select(t => (t.OperationId, t.AmountMinor)).Distinct());
        Assert.Equal((12_345L, "USD", bodies[0]["entryId"]!.GetValue<string>()), (transfers[0].AmountMinor, transfers[0].Currency, transfers[0].TransferGroup));
        var earnings = await EarningsAsync(id);
        Assert.Equal((0L, 12_345L), (earnings["payableMinor"]!.GetValue<long>(), earnings["paidOutMinor"]!.GetValue<long>()));
        Assert.True((await factory.Admin().GetFromJsonAsync<JsonObject>("/api/v1/admin/ledger/trial-balance"))!["balanced"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_transfer_stripe_refuses_is_booked_back_and_its_key_cannot_be_reused()
    {
        var (id, account) = await ConnectedPartnerAsync();
        await EarnAsync(id, 5_000);
        factory.Stripe.RefusedAccounts[account["maskedReference"]!.GetValue<string>()] = true;

        var refused = await (await PayOutAsync(id, "first")).AssertProblemAsync(HttpStatusCode.Conflict);
        var afterRefusal = await EarningsAsync(id);
        var reused = await (await PayOutAsync(id, "first")).AssertProblemAsync(HttpStatusCode.Conflict);
        factory.Stripe.RefusedAccounts.TryRemove(account["maskedReference"]!.GetValue<string>(), out _);
        using var second = await PayOutAsync(id, "second");

        Assert.Equal("payout.gateway_refused", refused["code"]!.GetValue<string>());
        Assert.Equal((5_000L, 0L), (afterRefusal["payableMinor"]!.GetValue<long>(), afterRefusal["paidOutMinor"]!.GetValue<long>()));
        Assert.Equal("payout.returned", reused["code"]!.GetValue<string>());
        Assert.Equal(5_000, (await second.ReadObjectAsync())["amountMinor"]!.GetValue<long>());
        Assert.Equal((0L, 5_000L), ((await EarningsAsync(id))["payableMinor"]!.GetValue<long>(), (await EarningsAsync(id))["paidOutMinor"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_card_paid_invoice_is_refunded_through_stripe_before_the_ledger_claws_the_shares_back()
    {
        var (_, customer) = await factory.MemberOfNewOrganizationAsync("Customer", "Owner");
        var (_, invoiceId) = await SolutionFlows.AcceptForInvoiceAsync(customer, await SolutionFlows.QuoteAsync(customer));
        var invoice = Grains.GetGrain<IInvoiceGrain>(invoiceId);
        var total = (await invoice.GetAsync())!.TotalMinor;
        var intent = $"pi_{Guid.NewGuid():N}";
        await invoice.PayAsync(PaymentMethods.Stripe, total, intent, "stripe webhook (test)");

        using var response = await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/refunds", new { amountMinor = 1_001, reason = "Service credit" });
        using var tooMuch = await factory.Admin().PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/refunds", new { amountMinor = total, reason = "Everything" });

        Assert.Equal(1_001, (await response.ReadObjectAsync())["refundedMinor"]!.GetValue<long>());
        Assert.Contains(factory.Stripe.Refunds, r => r == ($"{invoiceId}:refund:1", intent, 1_001L, invoiceId));
        Assert.Equal("invoice.refund_exceeds_paid", (await tooMuch.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        Assert.DoesNotContain(factory.Stripe.Refunds, r => r.Reference == invoiceId && r.AmountMinor == total);
    }
}
