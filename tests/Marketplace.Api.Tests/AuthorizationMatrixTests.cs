using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Api.Tests;

/// <summary>
/// Every endpoint against every kind of caller: anonymous, another organisation's owner, a member
/// and the owner of the partner that owns the object, and an operator admin. "ok" means the caller
/// got past authorization (the request may still be refused for other reasons, such as state).
/// A refused write must leave the partner's data exactly as it was.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(MarketplaceFactory factory, TenantWorldFixture worlds) : IClassFixture<TenantWorldFixture>
{
    private const string Ok = "ok";
    private const string Unauthorized = "401";
    private const string Forbidden = "403";
    private const string Hidden = "404";

    private sealed record Case(string Method, string Path, object? Body, string Anonymous, string Other, string Member, string Owner, string Operator, bool Multipart = false, bool Octets = false)
    {
        public string Expected(string caller) => caller switch
        {
            "anonymous" => Anonymous,
            "other" => Other,
            "member" => Member,
            "owner" => Owner,
            _ => Operator,
        };
    }

    // {A} partner A, {L} its published listing, {D} its draft, {doc} a document, {key} its owner's key.
    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["partner.get"] = new("GET", "/api/v1/partners/{A}", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["partner.profile"] = new("PUT", "/api/v1/partners/{A}/profile", new { legalName = "X", country = "DE", taxId = "DE1234", website = "https://x.example", contactEmail = "a@x.example", kinds = new[] { "Integrator" } }, Unauthorized, Forbidden, Forbidden, Ok, Forbidden),
        ["partner.agreement"] = new("POST", "/api/v1/partners/{A}/agreement", new { version = "2026-11" }, Unauthorized, Forbidden, Forbidden, Ok, Forbidden),
        ["partner.upload"] = new("POST", "/api/v1/partners/{A}/documents", null, Unauthorized, Forbidden, Forbidden, Ok, Forbidden, Multipart: true),
        ["partner.document"] = new("GET", "/api/v1/partners/{A}/documents/{doc}", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["me.password"] = new("POST", "/api/v1/me/password", new { currentPassword = "x", newPassword = "y" }, Unauthorized, Ok, Ok, Ok, Ok),
        ["partner.removeDocument"] = new("DELETE", "/api/v1/partners/{A}/documents/{doc}", null, Unauthorized, Forbidden, Forbidden, Ok, Forbidden),
        ["partner.payout"] = new("PUT", "/api/v1/partners/{A}/payout-account", new { provider = "bank-transfer", accountHolder = "X", iban = "DE89370400440532013000", currency = "EUR" }, Unauthorized, Forbidden, Forbidden, Ok, Forbidden),
        ["partner.submit"] = new("POST", "/api/v1/partners/{A}/submit", null, Unauthorized, Forbidden, Forbidden, Ok, Forbidden),
        ["partner.listings"] = new("GET", "/api/v1/partners/{A}/listings", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["admin.partners"] = new("GET", "/api/v1/admin/partners", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["admin.verify"] = new("POST", "/api/v1/admin/partners/{A}/verify", new { note = "x" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["admin.reject"] = new("POST", "/api/v1/admin/partners/{A}/reject", new { reason = "x" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["admin.suspend"] = new("POST", "/api/v1/admin/partners/{A}/suspend", new { reason = "x" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["admin.reinstate"] = new("POST", "/api/v1/admin/partners/{A}/reinstate", new { note = "x" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["listing.create"] = new("POST", "/api/v1/listings", PartnerFlows.IntegratorBody("{A}"), Unauthorized, Forbidden, Ok, Ok, Forbidden),
        ["listing.get"] = new("GET", "/api/v1/listings/{L}", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["listing.update"] = new("PUT", "/api/v1/listings/{D}", PartnerFlows.IntegratorBody("{A}", "Renamed"), Unauthorized, Forbidden, Ok, Ok, Forbidden),
        ["listing.submit"] = new("POST", "/api/v1/listings/{D}/submit", null, Unauthorized, Forbidden, Ok, Ok, Forbidden),
        ["listing.withdraw"] = new("POST", "/api/v1/listings/{D}/withdraw", null, Unauthorized, Forbidden, Ok, Ok, Forbidden),
        ["listing.deprecate"] = new("POST", "/api/v1/listings/{D}/deprecate", new { reason = "x" }, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["admin.reviewQueue"] = new("GET", "/api/v1/admin/listings/review-queue", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["admin.approve"] = new("POST", "/api/v1/admin/listings/{D}/approve", new { note = "x" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["admin.rejectListing"] = new("POST", "/api/v1/admin/listings/{D}/reject", new { reason = "x" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["org.get"] = new("GET", "/api/v1/organizations/{A}", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["org.keys"] = new("GET", "/api/v1/organizations/{A}/api-keys", null, Unauthorized, Forbidden, Forbidden, Ok, Ok),
        // Partner A's callers are not customers: the configurator and quotes are not theirs, and a
        // customer's quote or order does not exist for them.
        ["solutions.candidates"] = new("POST", "/api/v1/solutions/candidates", SolutionFlows.Requirements, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["quotes.create"] = new("POST", "/api/v1/quotes", SolutionFlows.QuoteBody, Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden),
        ["quotes.list"] = new("GET", "/api/v1/quotes", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["quotes.get"] = new("GET", "/api/v1/quotes/{Q}", null, Unauthorized, Hidden, Hidden, Hidden, Ok),
        ["quotes.pdf"] = new("GET", "/api/v1/quotes/{Q}/pdf", null, Unauthorized, Hidden, Hidden, Hidden, Ok),
        ["quotes.accept"] = new("POST", "/api/v1/quotes/{Q}/accept", null, Unauthorized, Hidden, Hidden, Hidden, Ok),
        ["quotes.requote"] = new("POST", "/api/v1/quotes/{Q}/requote", null, Unauthorized, Hidden, Hidden, Hidden, Ok),
        ["orders.list"] = new("GET", "/api/v1/orders", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["orders.get"] = new("GET", "/api/v1/orders/{O}", null, Unauthorized, Hidden, Hidden, Hidden, Ok),
        ["orders.usage"] = new("GET", "/api/v1/orders/{O}/usage", null, Unauthorized, Hidden, Hidden, Hidden, Ok),
        ["usage.events"] = new("POST", "/api/v1/usage/events", new { events = new[] { new { id = "matrix", orderLineId = "ord_none.1", quantity = 1, unit = "inference", at = DateTimeOffset.UnixEpoch } } }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["org.spendCap"] = new("PUT", "/api/v1/organizations/{A}/spend-cap", new { monthlyCapMinor = -1, currency = "USD" }, Unauthorized, Forbidden, Forbidden, Ok, Ok),
        ["org.spend"] = new("GET", "/api/v1/organizations/{A}/spend", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["usage.byModel"] = new("GET", "/api/v1/admin/usage/by-model", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        // Billing: a customer's invoice does not exist for partner A's callers; recording money is the operator's.
        ["invoices.list"] = new("GET", "/api/v1/invoices", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["invoices.get"] = new("GET", "/api/v1/invoices/{I}", null, Unauthorized, Hidden, Hidden, Hidden, Ok),
        ["invoices.pdf"] = new("GET", "/api/v1/invoices/{I}/pdf", null, Unauthorized, Hidden, Hidden, Hidden, Ok),
        ["invoices.pay"] = new("POST", "/api/v1/invoices/{I}/payments", new { method = "Offline", amountMinor = 1, reference = "matrix" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["invoices.checkout"] = new("POST", "/api/v1/invoices/{I}/checkout", null, Unauthorized, Hidden, Hidden, Hidden, Ok),
        ["invoices.void"] = new("POST", "/api/v1/invoices/{I}/void", new { reason = "matrix" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["invoices.credit"] = new("POST", "/api/v1/invoices/{I}/credit-notes", new { amountMinor = 1, reason = "matrix" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["invoices.uncollectible"] = new("POST", "/api/v1/invoices/{I}/uncollectible", new { reason = "matrix" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["invoices.refund"] = new("POST", "/api/v1/invoices/{I}/refunds", new { amountMinor = 1, reason = "matrix" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["partner.earnings"] = new("GET", "/api/v1/partners/{A}/earnings", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["partner.payouts"] = new("POST", "/api/v1/partners/{A}/payouts", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        // Stripe calls without a key; its signature decides (no signature here: a 400 for everyone).
        ["webhooks.stripe"] = new("POST", "/api/v1/webhooks/stripe", new { id = "evt_matrix" }, Ok, Ok, Ok, Ok, Ok),
        ["ledger.reconciliation"] = new("GET", "/api/v1/admin/ledger/reconciliation", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["ledger.trialBalance"] = new("GET", "/api/v1/admin/ledger/trial-balance", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["terms.get"] = new("GET", "/api/v1/platform/terms", null, Unauthorized, Ok, Ok, Ok, Ok),
        ["terms.takeRate"] = new("PUT", "/api/v1/admin/terms/take-rate", new { basisPoints = 1000 }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["terms.taxRate"] = new("PUT", "/api/v1/admin/terms/tax-rates/{region}", new { basisPoints = (int?)null }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["terms.exchangeRate"] = new("PUT", "/api/v1/admin/terms/exchange-rates", new { from = "KRW", to = "JPY", rate = (string?)null }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["org.issueKey"] = new("POST", "/api/v1/organizations/{A}/api-keys", new { name = "x", role = "Member" }, Unauthorized, Forbidden, Forbidden, Ok, Ok),
        ["org.revokeKey"] = new("DELETE", "/api/v1/organizations/{A}/api-keys/{unknownKey}", null, Unauthorized, Forbidden, Forbidden, Ok, Ok),
        ["org.users"] = new("GET", "/api/v1/organizations/{A}/users", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["org.addUser"] = new("POST", "/api/v1/organizations/{A}/users", new { email = "x@x.example", displayName = "X", password = "short", role = "Member" }, Unauthorized, Forbidden, Forbidden, Ok, Ok),
        ["admin.organizations"] = new("GET", "/api/v1/admin/organizations", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["admin.createOrganization"] = new("POST", "/api/v1/admin/organizations", new { name = "", type = "Customer" }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["admin.organization"] = new("GET", "/api/v1/admin/organizations/{A}", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["admin.issueKey"] = new("POST", "/api/v1/admin/organizations/{A}/api-keys", new { name = "", role = "Member" }, Unauthorized, Forbidden, Forbidden, Ok, Ok),
        ["listing.artifact"] = new("PUT", "/api/v1/listings/{D}/artifact", null, Unauthorized, Forbidden, Ok, Ok, Forbidden, Octets: true),
        ["listing.vocabulary"] = new("PUT", "/api/v1/listings/{D}/vocabulary", null, Unauthorized, Forbidden, Ok, Ok, Forbidden, Octets: true),
        ["listing.tokenizer"] = new("PUT", "/api/v1/listings/{D}/tokenizer", null, Unauthorized, Forbidden, Ok, Ok, Forbidden, Multipart: true),
        ["listing.benchmarks"] = new("POST", "/api/v1/listings/{L}/benchmarks", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["catalog.performance"] = new("GET", "/api/v1/catalog/items/{L}/performance", null, Ok, Ok, Ok, Ok, Ok),
        ["sandbox.trial"] = new("POST", "/api/v1/sandbox/models/{L}/trials", new { texts = new[] { "x" } }, Unauthorized, Ok, Ok, Ok, Ok),
        ["sandbox.generation"] = new("POST", "/api/v1/sandbox/models/{L}/generations", new { prompt = "x" }, Unauthorized, Ok, Ok, Ok, Ok),
        ["sandbox.generationWorking"] = new("POST", "/api/v1/sandbox/models/{D}/generations?version=working", new { prompt = "x" }, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["sandbox.trialWorking"] = new("POST", "/api/v1/sandbox/models/{D}/trials?version=working", new { texts = new[] { "x" } }, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["org.sandboxUsage"] = new("GET", "/api/v1/organizations/{A}/sandbox-usage", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        ["admin.sandboxQuota"] = new("PUT", "/api/v1/admin/organizations/{A}/sandbox-quota", new { reset = true }, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["admin.reload"] = new("POST", "/api/v1/admin/catalog/reload", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["system.info"] = new("GET", "/api/v1/system/info", null, Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        ["me"] = new("GET", "/api/v1/me", null, Unauthorized, Ok, Ok, Ok, Ok),
        ["catalog.search"] = new("GET", "/api/v1/catalog/search?q=inspection", null, Ok, Ok, Ok, Ok, Ok),
        ["catalog.item"] = new("GET", "/api/v1/catalog/items/{L}", null, Ok, Ok, Ok, Ok, Ok),
        ["catalog.compare"] = new("GET", "/api/v1/catalog/compare?ids={L},{L}", null, Ok, Ok, Ok, Ok, Ok),
        ["catalog.industries"] = new("GET", "/api/v1/catalog/industries", null, Ok, Ok, Ok, Ok, Ok),
        ["partner.agreementText"] = new("GET", "/api/v1/partners/agreement", null, Ok, Ok, Ok, Ok, Ok),
    };

    private static readonly string[] Callers = ["anonymous", "other", "member", "owner", "operator"];

    public static TheoryData<string, string> Rows()
    {
        // Rows run in any order; allowed writes may change state, which decides only non-auth outcomes.
        var rows = new TheoryData<string, string>();
        foreach (var caller in Callers)
        {
            foreach (var name in Cases.Keys)
            {
                rows.Add(name, caller);
            }
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_caller_gets_exactly_the_access_its_role_and_organisation_give(string endpoint, string caller)
    {
        var world = await worlds.WorldAsync(factory);
        var @case = Cases[endpoint];
        var expected = @case.Expected(caller);
        var before = expected == Ok ? null : await world.FingerprintAsync();

        using var response = await world.Clients[caller].SendAsync(Build(@case, world));

        var status = response.StatusCode;
        var outcome = status == HttpStatusCode.Unauthorized ? Unauthorized
            : status == HttpStatusCode.Forbidden ? Forbidden
            : status == HttpStatusCode.NotFound && expected == Hidden ? Hidden
            : Ok;
        Assert.True(expected == outcome, $"{caller} {@case.Method} {@case.Path}: expected {expected}, got {(int)status} {await response.Content.ReadAsStringAsync()}");
        Assert.NotEqual(HttpStatusCode.InternalServerError, status);
        if (before is not null)
        {
            Assert.Equal(before, await world.FingerprintAsync());
        }
    }

    [Fact]
    public void The_matrix_covers_every_api_endpoint()
    {
        // Sign-in and sign-up are anonymous by design and covered by AuthApiTests.
        string[] anonymousByDesign = ["POST /api/v1/auth/sign-in", "POST /api/v1/auth/sign-up", "POST /api/v1/auth/sign-out"];
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {Shape(e.RoutePattern.RawText!)}"))
            .Except(anonymousByDesign)
            .ToHashSet();
        var covered = Cases.Values.Select(c => $"{c.Method} {Shape(c.Path)}").ToHashSet();

        Assert.Equal("", string.Join("\n", mapped.Except(covered).Order()));
    }

    /// <summary>"/api/v1/partners/{orgId}/documents/{doc}?x=1" → "/api/v1/partners/{}/documents/{}".</summary>
    private static string Shape(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.Split('?')[0], "\\{[^}]*\\}", "{}").TrimEnd('/');

    private static HttpRequestMessage Build(Case @case, TenantWorld world)
    {
        string Fill(string text) => text
            .Replace("{A}", world.PartnerA, StringComparison.Ordinal)
            .Replace("{L}", world.PublishedListing, StringComparison.Ordinal)
            .Replace("{D}", world.DraftListing, StringComparison.Ordinal)
            .Replace("{doc}", world.DocumentId, StringComparison.Ordinal)
            .Replace("{key}", world.OwnerKeyId, StringComparison.Ordinal)
            .Replace("{unknownKey}", "key_unknown", StringComparison.Ordinal)
            .Replace("{region}", "AQ", StringComparison.Ordinal)
            .Replace("{Q}", world.CustomerQuote, StringComparison.Ordinal)
            .Replace("{O}", world.CustomerOrder, StringComparison.Ordinal)
            .Replace("{I}", world.CustomerInvoice, StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(@case.Method), Fill(@case.Path));
        if (@case.Octets)
        {
            request.Content = new ByteArrayContent("not a model"u8.ToArray()) { Headers = { ContentType = new("application/octet-stream") } };
        }
        else if (@case.Multipart)
        {
            request.Content = new MultipartFormDataContent { { new ByteArrayContent(PartnerFlows.Pdf), "file", "tax.pdf" }, { new StringContent("tax"), "kind" } };
        }
        else if (@case.Body is not null)
        {
            request.Content = new StringContent(Fill(System.Text.Json.JsonSerializer.Serialize(@case.Body)), System.Text.Encoding.UTF8, "application/json");
        }
        return request;
    }
}

/// <summary>Builds the tenant world once per test class, lazily, on the shared host.</summary>
public sealed class TenantWorldFixture
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TenantWorld? _world;

    public async Task<TenantWorld> WorldAsync(MarketplaceFactory factory)
    {
        await _gate.WaitAsync();
        try
        {
            if (_world is null)
            {
                var world = new TenantWorld(factory);
                await world.InitializeAsync();
                _world = world;
            }
            return _world;
        }
        finally
        {
            _gate.Release();
        }
    }
}
