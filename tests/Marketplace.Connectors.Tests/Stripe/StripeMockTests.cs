using Marketplace.Abstractions.Billing;
using Marketplace.Connectors.Stripe;
using Stripe;

namespace Marketplace.Connectors.Tests.Stripe;

/// <summary>
/// Connect accounts, refunds and reconciliation listings against a local Stripe-compatible server
/// (stateful: a refund changes the charge, a replayed idempotency key answers the first response).
/// Account links, which it lacks, go to a stub.
/// </summary>
public sealed class StripeMockTests : IClassFixture<StripeMockServer>, IDisposable
{
    private static readonly DateTimeOffset Always = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Never = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string AccountLinkJson =
        """{"object":"account_link","created":1767225600,"expires_at":1767225900,"url":"https://connect.stripe.com/setup/e/acct_x/abc"}""";

    private readonly StripeMockServer _server;
    private readonly StripeHttpStub _links = new();
    private readonly StripeGateway _gateway;

    public StripeMockTests(StripeMockServer server)
    {
        _server = server;
        _gateway = Gateway("sk_test_marketplace");
    }

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Onboarding_creates_one_express_account_per_partner_and_its_status_reads_back()
    {
        _links.Answer(AccountLinkJson).Answer(AccountLinkJson);
        var connect = new StripeConnect(_gateway);
        var partner = "org_" + Guid.NewGuid().ToString("N");
        var request = new PayoutOnboardingRequest("onboard-1", partner, null, "US", "payouts@partner.example", "https://m.example/refresh", "https://m.example/return");

        var first = await connect.StartOnboardingAsync(request, CancellationToken.None);
        var retried = await connect.StartOnboardingAsync(request, CancellationToken.None);

        Assert.StartsWith("acct_", first.AccountId, StringComparison.Ordinal);
        Assert.Equal(first.AccountId, retried.AccountId);
        Assert.Equal("https://connect.stripe.com/setup/e/acct_x/abc", first.OnboardingUrl);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 5, 0, TimeSpan.Zero), first.ExpiresAt);
        var link = _links.Requests[0];
        Assert.Equal(first.AccountId, link.Form["account"]);
        Assert.Equal("account_onboarding", link.Form["type"]);
        var status = await connect.GetStatusAsync(first.AccountId, CancellationToken.None);
        Assert.Equal(first.AccountId, status.AccountId);
        Assert.Equal(partner, status.PartnerOrgId);
        Assert.False(status.PayoutsEnabled);
        Assert.False(status.DetailsSubmitted);
        Assert.False(status.TransfersActive);
        Assert.NotEmpty(status.RequirementsDue);
        var account = await new AccountService(_gateway.Client).GetAsync(first.AccountId);
        Assert.Equal("express", account.Type);
        var all = await new AccountService(_gateway.Client).ListAsync(new AccountListOptions { Limit = 100 });
        Assert.Single(all.Data, a => a.Metadata.GetValueOrDefault(StripeConnect.PartnerMetadataKey) == partner);
    }

    [Fact]
    public async Task A_connected_account_can_be_addressed_with_the_Stripe_Account_header()
    {
        var connect = new StripeConnect(_gateway);
        var partner = "org_" + Guid.NewGuid().ToString("N");
        var accountId = (await new AccountService(_gateway.Client).CreateAsync(new AccountCreateOptions { Type = "express", Metadata = new() { ["partner_org_id"] = partner } })).Id;

        var customer = await new CustomerService(_gateway.Client).CreateAsync(new CustomerCreateOptions { Email = "c@partner.example" }, new RequestOptions { StripeAccount = accountId });
        var onPlatform = await new CustomerService(_gateway.Client).ListAsync(new CustomerListOptions { Limit = 100 });

        Assert.DoesNotContain(onPlatform.Data, c => c.Id == customer.Id);
        Assert.Equal(accountId, (await connect.GetStatusAsync(accountId, CancellationToken.None)).AccountId);
    }

    [Fact]
    public async Task A_charge_refunded_in_full_cannot_be_refunded_again()
    {
        var refunds = new StripeRefunds(_gateway);
        var (charge, invoice) = await ChargeAsync(10_000);

        var refund = await refunds.RefundAsync("refund-full-" + invoice, charge.Id, 10_000, invoice, CancellationToken.None);
        var again = await Assert.ThrowsAsync<PaymentGatewayException>(() => refunds.RefundAsync("refund-again-" + invoice, charge.Id, 1, invoice, CancellationToken.None));

        Assert.Equal(new GatewayRefund(refund.RefundId, 10_000, "USD", GatewayRecordStatus.Succeeded), refund);
        Assert.Equal(GatewayFailure.InvalidRequest, again.Failure);
        Assert.Equal("charge_already_refunded", again.GatewayCode);
        Assert.Equal(400, again.HttpStatus);
        Assert.True((await new ChargeService(_gateway.Client).GetAsync(charge.Id)).Refunded);
    }

    [Fact]
    public async Task Partial_refunds_add_up_and_one_beyond_what_remains_is_refused()
    {
        var refunds = new StripeRefunds(_gateway);
        var (charge, invoice) = await ChargeAsync(1_000);

        await refunds.RefundAsync("refund-a-" + invoice, charge.Id, 600, invoice, CancellationToken.None);
        var tooMuch = await Assert.ThrowsAsync<PaymentGatewayException>(() => refunds.RefundAsync("refund-b-" + invoice, charge.Id, 401, invoice, CancellationToken.None));
        await refunds.RefundAsync("refund-c-" + invoice, charge.Id, 400, invoice, CancellationToken.None);

        Assert.Equal(GatewayFailure.InvalidRequest, tooMuch.Failure);
        Assert.Contains("greater than unrefunded amount", tooMuch.Message, StringComparison.Ordinal);
        var after = await new ChargeService(_gateway.Client).GetAsync(charge.Id);
        Assert.Equal(1_000, after.AmountRefunded);
    }

    [Fact]
    public async Task Retrying_a_refund_with_its_operation_id_refunds_once()
    {
        var refunds = new StripeRefunds(_gateway);
        var (charge, invoice) = await ChargeAsync(5_000);

        var first = await refunds.RefundAsync("refund-retry-" + invoice, charge.Id, 300, invoice, CancellationToken.None);
        var retried = await refunds.RefundAsync("refund-retry-" + invoice, charge.Id, 300, invoice, CancellationToken.None);

        Assert.Equal(first, retried);
        Assert.Equal(300, (await new ChargeService(_gateway.Client).GetAsync(charge.Id)).AmountRefunded);
    }

    [Fact]
    public async Task Reconciliation_lists_charges_and_refunds_with_our_invoice_and_operation()
    {
        var records = new StripeRecords(_gateway);
        var (charge, invoice) = await ChargeAsync(2_500);
        var refund = await new StripeRefunds(_gateway).RefundAsync("refund-rec-" + invoice, charge.Id, 700, invoice, CancellationToken.None);

        var charges = await records.ListAsync(GatewayRecordKind.Charge, Always, Never, CancellationToken.None).ToListAsync();
        var refunds = await records.ListAsync(GatewayRecordKind.Refund, Always, Never, CancellationToken.None).ToListAsync();

        var listedCharge = Assert.Single(charges, r => r.Reference == invoice);
        Assert.Equal(new GatewayRecord(GatewayRecordKind.Charge, charge.Id, 2_500, "USD", StripeGateway.Utc(charge.Created), invoice, null, GatewayRecordStatus.Succeeded), listedCharge);
        var listedRefund = Assert.Single(refunds, r => r.Reference == invoice);
        Assert.Equal(
            new GatewayRecord(GatewayRecordKind.Refund, refund.RefundId, 700, "USD", listedRefund.CreatedAt, invoice, "refund-rec-" + invoice, GatewayRecordStatus.Succeeded),
            listedRefund);
    }

    [Fact]
    public async Task Records_created_outside_the_window_are_left_out()
    {
        var (_, invoice) = await ChargeAsync(100);

        var before = await new StripeRecords(_gateway).ListAsync(GatewayRecordKind.Charge, Always, Always.AddDays(1), CancellationToken.None).ToListAsync();

        Assert.DoesNotContain(before, r => r.Reference == invoice);
    }

    [Fact]
    public async Task A_key_the_gateway_refuses_is_an_authentication_failure_that_does_not_repeat_the_key()
    {
        const string key = "sk_live_marketplace_secret_0123456789";
        using var gateway = Gateway(key);

        var refused = await Assert.ThrowsAsync<PaymentGatewayException>(() => new StripeConnect(gateway).GetStatusAsync("acct_1", CancellationToken.None));

        Assert.Equal(GatewayFailure.Authentication, refused.Failure);
        Assert.Equal(401, refused.HttpStatus);
        Assert.DoesNotContain(key, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Account links, which the local server lacks, go to <see cref="_links"/>.</summary>
    private StripeGateway Gateway(string key) =>
        new(new StripeOptions { SecretKey = key, ApiBase = _server.Url }, new SplitTransport("/v1/account_links", _links));

    /// <summary>A card payment for a fresh invoice: a customer with a test card, charged in USD.</summary>
    private async Task<(Charge Charge, string Invoice)> ChargeAsync(long amountMinor)
    {
        var invoice = "inv_" + Guid.NewGuid().ToString("N");
        var customer = await new CustomerService(_gateway.Client).CreateAsync(new CustomerCreateOptions { Source = "tok_visa", Email = "buyer@customer.example" });
        var charge = await new ChargeService(_gateway.Client).CreateAsync(new ChargeCreateOptions
        {
            Amount = amountMinor,
            Currency = "usd",
            Customer = customer.Id,
            TransferGroup = invoice,
            Metadata = new Dictionary<string, string> { [StripeWebhooks.InvoiceMetadataKey] = invoice },
        });
        return (charge, invoice);
    }
}
