using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Testing;

namespace Marketplace.Cluster.Tests;

/// <summary>
/// Payments posted while the host is killed with SIGKILL: after a restart the ledger balances, every
/// acknowledged payment is posted once, and a retry of one that was not acknowledged completes it
/// without a second posting.
/// </summary>
public sealed class LedgerDurabilityTests : IDisposable
{
    private const string AdminKey = "ledger-durability-admin-key";
    private const int Invoices = 12;
    private readonly TempDirectory _data = new("ledger");

    private static readonly object QuoteBody = new
    {
        modelId = "lst_bge-m3",
        integratorId = "lst_hanlin-bank-contact-centre",
        hardwareId = "lst_jaderiver-jc2-xeon",
        requirements = new { industry = "finance", task = "text-embedding", peakRequestsPerSecond = 200, latencyP95Ms = 100, deployment = "Private", region = "CN", termMonths = 36, currency = "USD" },
    };

    private HostProcess NewHost() => new(new Dictionary<string, string>
    {
        ["Marketplace:DataPath"] = _data.Path,
        ["Marketplace:Bootstrap:AdminApiKey"] = AdminKey,
        ["Marketplace:Demo:Enabled"] = "false",
        ["Marketplace:Sandbox:BenchmarkOnUpload"] = "false",
        ["Marketplace:Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Marketplace:Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task A_kill_9_while_payments_post_leaves_the_ledger_balanced_and_every_acknowledged_payment_posted_once()
    {
        var invoices = new List<(string Id, long Total)>();
        var acknowledged = new List<string>();
        await using (var first = NewHost())
        {
            await first.StartAsync(TimeSpan.FromMinutes(3));
            var admin = first.ClientWithKey(AdminKey);
            var organization = (await admin.CreateOrganizationAsync("Ledger Crash Bank"))["id"]!.GetValue<string>();
            var customer = first.ClientWithKey(await HostRequests.IssueKeyAsync(admin, organization, "Owner"));
            for (var i = 0; i < Invoices; i++)
            {
                var quote = JsonNode.Parse(await HostRequests.SendOkAsync(customer, HttpMethod.Post, "/api/v1/quotes", System.Text.Json.JsonSerializer.Serialize(QuoteBody)))!["id"]!.GetValue<string>();
                var accepted = JsonNode.Parse(await HostRequests.SendOkAsync(customer, HttpMethod.Post, $"/api/v1/quotes/{quote}/accept"))!;
                var invoiceId = accepted["invoiceIds"]![0]!.GetValue<string>();
                var invoice = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/invoices/{invoiceId}"))!;
                invoices.Add((invoiceId, invoice["totalMinor"]!.GetValue<long>()));
            }

            // Every payment at once; SIGKILL as soon as half are acknowledged, the rest in flight.
            var payments = invoices.Select(async invoice =>
            {
                try
                {
                    using var response = await admin.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", new { method = "Offline", amountMinor = invoice.Total, reference = "crash-" + invoice.Id });
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        lock (acknowledged)
                        {
                            acknowledged.Add(invoice.Id);
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // The host died under this request: not acknowledged.
                }
                catch (TaskCanceledException)
                {
                }
            }).ToList();
            while (true)
            {
                lock (acknowledged)
                {
                    if (acknowledged.Count >= Invoices / 2)
                    {
                        break;
                    }
                }
                await Task.Delay(1);
            }
            await first.KillAsync();
            await Task.WhenAll(payments);
        }

        await using var second = NewHost();
        await second.StartAsync(TimeSpan.FromMinutes(3));
        var admin2 = second.ClientWithKey(AdminKey);
        List<string> seen;
        lock (acknowledged)
        {
            seen = [.. acknowledged];
        }
        Assert.True(await BalancedAsync(admin2));
        foreach (var id in seen)
        {
            var invoice = JsonNode.Parse(await admin2.GetStringAsync($"/api/v1/invoices/{id}"))!;
            Assert.Equal("Paid", invoice["status"]!.GetValue<string>());
            Assert.Single(invoice["payments"]!.AsArray());
        }

        // Retrying every payment with its reference completes the unacknowledged ones and changes nothing else.
        foreach (var invoice in invoices)
        {
            using var retry = await admin2.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/payments", new { method = "Offline", amountMinor = invoice.Total, reference = "crash-" + invoice.Id });
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }
        Assert.True(await BalancedAsync(admin2));
        var accounts = JsonNode.Parse(await admin2.GetStringAsync("/api/v1/admin/ledger/trial-balance"))!["accounts"]!.AsArray();
        var collected = accounts.Where(a => a!["account"]!.GetValue<string>() == "gateway-clearing:offline").Sum(a => a!["debitMinor"]!.GetValue<long>());
        Assert.Equal(invoices.Sum(i => i.Total), collected);
    }

    private static async Task<bool> BalancedAsync(HttpClient admin) =>
        JsonNode.Parse(await admin.GetStringAsync("/api/v1/admin/ledger/trial-balance"))!["balanced"]!.GetValue<bool>();

    public void Dispose() => _data.Dispose();
}
