using System.Net;
using Marketplace.Abstractions.Billing;
using Marketplace.Connectors.Stripe;

namespace Marketplace.Connectors.Tests.Stripe;

/// <summary>
/// Transfers, transfer reversals, account links, PaymentIntent refunds and the listings the local
/// server lacks, at the HTTP level: each request Stripe.net sends is checked (method, path, form fields,
/// idempotency key, key) and answered with JSON shaped as Stripe documents it.
/// </summary>
public sealed class StripePayoutStubTests : IDisposable
{
    private const string Key = "sk_test_marketplace";
    private static readonly DateTimeOffset January = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero); // 1767225600
    private static readonly DateTimeOffset February = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero); // 1769904000

    private readonly StripeHttpStub _stub = new();
    private readonly StripeGateway _gateway;

    public StripePayoutStubTests() =>
        _gateway = new StripeGateway(new StripeOptions { SecretKey = Key, ApiBase = "http://stripe.test" }, _stub);

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task A_transfer_pays_the_partner_account_in_the_invoice_transfer_group_under_a_key_from_the_operation()
    {
        _stub.Answer(TransferJson("tr_1", 12_345, "inv_1"));

        var id = await new StripeTransfers(_gateway).TransferAsync("payout-1", "acct_partner", 12_345, "EUR", "inv_1", "ResNet-50 share, January", CancellationToken.None);

        Assert.Equal("tr_1", id);
        var sent = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("http://stripe.test/v1/transfers", sent.Uri.ToString());
        Assert.Equal("Bearer " + Key, sent.Authorization);
        Assert.Equal("transfer:payout-1", sent.IdempotencyKey);
        Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["destination"] = "acct_partner",
                ["amount"] = "12345",
                ["currency"] = "eur",
                ["transfer_group"] = "inv_1",
                ["description"] = "ResNet-50 share, January",
                ["metadata[operation_id]"] = "payout-1",
            },
            sent.Form);
    }

    [Fact]
    public async Task Retrying_an_operation_sends_the_same_idempotency_key_and_another_operation_a_different_one()
    {
        _stub.Answer(TransferJson("tr_1", 100, "inv_1")).Answer(TransferJson("tr_1", 100, "inv_1")).Answer(TransferJson("tr_2", 100, "inv_1"));
        var transfers = new StripeTransfers(_gateway);

        await transfers.TransferAsync("payout-7", "acct_partner", 100, "USD", "inv_1", "share", CancellationToken.None);
        await transfers.TransferAsync("payout-7", "acct_partner", 100, "USD", "inv_1", "share", CancellationToken.None);
        await transfers.TransferAsync("payout-8", "acct_partner", 100, "USD", "inv_1", "share", CancellationToken.None);

        Assert.Equal(["transfer:payout-7", "transfer:payout-7", "transfer:payout-8"], _stub.Requests.Select(r => r.IdempotencyKey));
        Assert.Equal(_stub.Requests[0].Body, _stub.Requests[1].Body);
    }

    [Fact]
    public async Task A_clawback_reverses_part_of_a_transfer()
    {
        _stub.Answer("""{"id":"trr_1","object":"transfer_reversal","amount":500,"created":1767225600,"currency":"usd","metadata":{"operation_id":"clawback-1"},"transfer":"tr_1"}""");

        var id = await new StripeTransfers(_gateway).ReverseAsync("clawback-1", "tr_1", 500, CancellationToken.None);

        Assert.Equal("trr_1", id);
        var sent = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/v1/transfers/tr_1/reversals", sent.Path);
        Assert.Equal("transfer-reversal:clawback-1", sent.IdempotencyKey);
        Assert.Equal(new Dictionary<string, string> { ["amount"] = "500", ["metadata[operation_id]"] = "clawback-1" }, sent.Form);
    }

    [Fact]
    public async Task Onboarding_an_existing_account_only_asks_for_a_new_link()
    {
        _stub.Answer("""{"object":"account_link","created":1767225600,"expires_at":1767225900,"url":"https://connect.stripe.com/setup/e/acct_1/xyz"}""");

        var link = await new StripeConnect(_gateway).StartOnboardingAsync(
            new PayoutOnboardingRequest("onboard-2", "org_1", "acct_1", null, null, "https://m.example/refresh", "https://m.example/return"), CancellationToken.None);

        Assert.Equal(new PayoutAccountLink("acct_1", "https://connect.stripe.com/setup/e/acct_1/xyz", January.AddMinutes(5)), link);
        var sent = Assert.Single(_stub.Requests);
        Assert.Equal("/v1/account_links", sent.Path);
        Assert.Equal("payout-account-link:onboard-2", sent.IdempotencyKey);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["account"] = "acct_1",
                ["type"] = "account_onboarding",
                ["refresh_url"] = "https://m.example/refresh",
                ["return_url"] = "https://m.example/return",
            },
            sent.Form);
    }

    [Fact]
    public async Task A_new_account_is_express_with_the_transfers_capability_and_the_partner_in_its_metadata()
    {
        _stub.Answer("""{"id":"acct_new","object":"account","type":"express","charges_enabled":false,"payouts_enabled":false,"details_submitted":false,"metadata":{"partner_org_id":"org_9"}}""")
            .Answer("""{"object":"account_link","created":1767225600,"expires_at":1767225900,"url":"https://connect.stripe.com/setup/e/acct_new/1"}""");

        var link = await new StripeConnect(_gateway).StartOnboardingAsync(
            new PayoutOnboardingRequest("onboard-3", "org_9", null, "DE", "pay@org9.example", "https://m.example/refresh", "https://m.example/return"), CancellationToken.None);

        Assert.Equal("acct_new", link.AccountId);
        var account = _stub.Requests[0];
        Assert.Equal("/v1/accounts", account.Path);
        Assert.Equal("payout-account:org_9", account.IdempotencyKey);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["type"] = "express",
                ["country"] = "DE",
                ["email"] = "pay@org9.example",
                ["capabilities[transfers][requested]"] = "true",
                ["metadata[partner_org_id]"] = "org_9",
            },
            account.Form);
        Assert.Equal("acct_new", _stub.Requests[1].Form["account"]);
    }

    [Fact]
    public async Task An_onboarded_account_reports_payouts_enabled_and_active_transfers()
    {
        _stub.Answer("""
            {"id":"acct_1","object":"account","type":"express","charges_enabled":false,"payouts_enabled":true,"details_submitted":true,
             "capabilities":{"transfers":"active"},"metadata":{"partner_org_id":"org_1"},"requirements":{"currently_due":[],"past_due":[]}}
            """);

        var status = await new StripeConnect(_gateway).GetStatusAsync("acct_1", CancellationToken.None);

        Assert.Equal(HttpMethod.Get, _stub.Requests.Single().Method);
        Assert.Equal("/v1/accounts/acct_1", _stub.Requests.Single().Path);
        Assert.Equal(("acct_1", "org_1", false, true, true, true), (status.AccountId, status.PartnerOrgId, status.ChargesEnabled, status.PayoutsEnabled, status.DetailsSubmitted, status.TransfersActive));
        Assert.Empty(status.RequirementsDue);
    }

    [Fact]
    public async Task A_card_payment_is_refunded_by_its_payment_intent_without_reversing_transfers()
    {
        _stub.Answer("""{"id":"re_1","object":"refund","amount":700,"charge":"ch_1","created":1767225600,"currency":"usd","metadata":{},"payment_intent":"pi_1","status":"pending"}""");

        var refund = await new StripeRefunds(_gateway).RefundAsync("refund-9", "pi_1", 700, "inv_1", CancellationToken.None);

        Assert.Equal(new GatewayRefund("re_1", 700, "USD", GatewayRecordStatus.Pending), refund);
        var sent = Assert.Single(_stub.Requests);
        Assert.Equal("/v1/refunds", sent.Path);
        Assert.Equal("refund:refund-9", sent.IdempotencyKey);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["amount"] = "700",
                ["payment_intent"] = "pi_1",
                ["metadata[invoice_id]"] = "inv_1",
                ["metadata[operation_id]"] = "refund-9",
            },
            sent.Form);
    }

    [Fact]
    public async Task A_payment_reference_that_is_not_stripe_is_refused_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new StripeRefunds(_gateway).RefundAsync("refund-1", "bank-transfer-42", 100, "inv_1", CancellationToken.None));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task An_insufficient_balance_is_a_typed_refusal_with_stripe_code_and_message()
    {
        _stub.Answer(
            """{"error":{"type":"invalid_request_error","code":"balance_insufficient","message":"You have insufficient available funds in your Stripe account."}}""",
            HttpStatusCode.BadRequest);

        var refused = await Assert.ThrowsAsync<PaymentGatewayException>(
            () => new StripeTransfers(_gateway).TransferAsync("payout-2", "acct_partner", 1_000_000, "USD", "inv_1", "share", CancellationToken.None));

        Assert.Equal(GatewayFailure.InvalidRequest, refused.Failure);
        Assert.Equal("balance_insufficient", refused.GatewayCode);
        Assert.Equal(400, refused.HttpStatus);
        Assert.Equal("Stripe refused the request (400, balance_insufficient): You have insufficient available funds in your Stripe account.", refused.Message);
    }

    [Fact]
    public async Task A_payment_required_answer_is_a_declined_refusal()
    {
        _stub.Answer("""{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined."}}""", HttpStatusCode.PaymentRequired);

        var refused = await Assert.ThrowsAsync<PaymentGatewayException>(() => new StripeRefunds(_gateway).RefundAsync("refund-3", "ch_1", 100, "inv_1", CancellationToken.None));

        Assert.Equal((GatewayFailure.Declined, "card_declined", 402), (refused.Failure, refused.GatewayCode, refused.HttpStatus));
    }

    [Fact]
    public async Task Reusing_an_operation_id_for_other_money_is_a_conflict()
    {
        _stub.Answer(
            """{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}}""",
            HttpStatusCode.BadRequest);

        var refused = await Assert.ThrowsAsync<PaymentGatewayException>(() => new StripeTransfers(_gateway).ReverseAsync("clawback-1", "tr_1", 999, CancellationToken.None));

        Assert.Equal(GatewayFailure.Conflict, refused.Failure);
    }

    [Fact]
    public async Task Payouts_are_listed_page_after_page_within_the_window()
    {
        _stub.Answer($$"""{"object":"list","url":"/v1/payouts","has_more":true,"data":[{{PayoutJson("po_1", "paid")}},{{PayoutJson("po_2", "in_transit")}}]}""")
            .Answer($$"""{"object":"list","url":"/v1/payouts","has_more":false,"data":[{{PayoutJson("po_3", "failed")}}]}""");

        var payouts = await new StripeRecords(_gateway).ListAsync(GatewayRecordKind.Payout, January, February, CancellationToken.None).ToListAsync();

        Assert.Equal(
            [
                new GatewayRecord(GatewayRecordKind.Payout, "po_1", 5_000, "USD", January.AddDays(1), null, null, GatewayRecordStatus.Succeeded),
                new GatewayRecord(GatewayRecordKind.Payout, "po_2", 5_000, "USD", January.AddDays(1), null, null, GatewayRecordStatus.Pending),
                new GatewayRecord(GatewayRecordKind.Payout, "po_3", 5_000, "USD", January.AddDays(1), null, null, GatewayRecordStatus.Failed),
            ],
            payouts);
        Assert.All(_stub.Requests, r => Assert.Equal(("GET", "/v1/payouts"), (r.Method.Method, r.Path)));
        var first = _stub.Requests[0].Query;
        Assert.Equal(("1767225600", "1769904000", "100"), (first["created[gte]"], first["created[lt]"], first["limit"]));
        Assert.False(first.ContainsKey("starting_after"));
        Assert.Equal("po_2", _stub.Requests[1].Query["starting_after"]);
    }

    [Fact]
    public async Task Transfers_are_listed_with_their_invoice_and_operation()
    {
        _stub.Answer($$"""{"object":"list","url":"/v1/transfers","has_more":false,"data":[{{TransferJson("tr_1", 4_200, "inv_7")}}]}""");

        var transfers = await new StripeRecords(_gateway).ListAsync(GatewayRecordKind.Transfer, January, February, CancellationToken.None).ToListAsync();

        Assert.Equal([new GatewayRecord(GatewayRecordKind.Transfer, "tr_1", 4_200, "USD", January, "inv_7", "payout-1", GatewayRecordStatus.Succeeded)], transfers);
        Assert.Equal("/v1/transfers", _stub.Requests.Single().Path);
    }

    [Fact]
    public async Task Transfer_reversals_are_listed_from_balance_transactions_with_the_transfer_they_reverse()
    {
        _stub.Answer("""
            {"object":"list","url":"/v1/balance_transactions","has_more":false,"data":[
              {"id":"txn_1","object":"balance_transaction","amount":500,"created":1767312000,"currency":"usd","fee":0,"net":500,"status":"available","type":"transfer_refund",
               "source":{"id":"trr_1","object":"transfer_reversal","amount":500,"created":1767312000,"currency":"usd","metadata":{"operation_id":"clawback-1"},"transfer":"tr_1"}}]}
            """);

        var reversals = await new StripeRecords(_gateway).ListAsync(GatewayRecordKind.TransferReversal, January, February, CancellationToken.None).ToListAsync();

        Assert.Equal([new GatewayRecord(GatewayRecordKind.TransferReversal, "trr_1", 500, "USD", January.AddDays(1), "tr_1", "clawback-1", GatewayRecordStatus.Succeeded)], reversals);
        var query = _stub.Requests.Single().Query;
        Assert.Equal(("/v1/balance_transactions", "transfer_refund", "data.source"), (_stub.Requests.Single().Path, query["type"], query["expand[0]"]));
    }

    private static string TransferJson(string id, long amount, string group) => $$"""
        {"id":"{{id}}","object":"transfer","amount":{{amount}},"amount_reversed":0,"created":1767225600,"currency":"usd","destination":"acct_partner",
         "livemode":false,"metadata":{"operation_id":"payout-1"},"reversals":{"object":"list","data":[],"has_more":false,"url":"/v1/transfers/{{id}}/reversals"},
         "reversed":false,"transfer_group":"{{group}}"}
        """;

    private static string PayoutJson(string id, string status) =>
        $$"""{"id":"{{id}}","object":"payout","amount":5000,"arrival_date":1767398400,"automatic":true,"created":1767312000,"currency":"usd","metadata":{},"status":"{{status}}","type":"bank_account"}""";
}
