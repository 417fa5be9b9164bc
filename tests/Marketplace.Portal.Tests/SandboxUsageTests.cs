using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Sandbox;
using Marketplace.Application.Catalog.Items;
using Marketplace.Application.Organizations.ListOrganizations;
using Marketplace.Application.Sandbox.Usage;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Sandbox;
using Marketplace.Portal.Components.Sandbox;
using Marketplace.Portal.Pages.Admin;

namespace Marketplace.Portal.Tests;

public sealed class SandboxUsageTests : PortalTest
{
    [Fact]
    public void Quota_shows_used_against_the_daily_limits_and_lists_usage_events()
    {
        Caller = TestCallers.Customer;
        Mediator.Returns<GetSandboxUsage>(new SandboxUsage(SandboxTestData.Quota(trials: 12, computeSeconds: 33.456),
            [
                new UsageEvent("trial_2", "org_customer", "sandbox.trial", SandboxTestData.ModelId, 21.5, "CPU", TestData.At.AddMinutes(5)),
                new UsageEvent("trial_1", "org_customer", "sandbox.trial", "lst_gone", 9, "CUDA", TestData.At),
            ]))
            .On<GetCatalogItem>(q => q.Id == SandboxTestData.ModelId
                ? new CatalogItem(q.Id, SandboxTestData.ModelListing.Kind, "Sentence embedder", TestCallers.PartnerId, "Lumen", "", "1.0.0", TestData.At, SandboxTestData.ModelListing)
                : throw new NotFoundException("Catalog item", q.Id));

        var page = Render<SandboxUsagePanel>(p => p.Add(u => u.OrganizationId, "org_customer"));

        page.WaitForAssertion(() => Assert.Equal("12 / 500", page.Find("[data-testid='quota-trials']").TextContent.Trim()));
        Assert.Equal("33.46 / 600", page.Find("[data-testid='quota-compute']").TextContent.Trim());
        Assert.Contains("5 trials per second, bursts of 20", page.Find("[data-testid='quota-rate']").TextContent);
        Assert.Equal("org_customer", Mediator.SentOf<GetSandboxUsage>().Single().OrganizationId);
        var rows = page.FindAll("[data-testid='usage-events'] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Sentence embedder", rows[0].TextContent);
        Assert.Contains("lst_gone", rows[1].TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid='usage-chart'] svg"));
    }

    [Fact]
    public void Generations_show_their_tokens_in_and_out_and_the_days_generation_tokens()
    {
        Caller = TestCallers.Customer;
        var quota = SandboxTestData.Quota(trials: 2, computeSeconds: 1);
        Mediator.Returns<GetSandboxUsage>(new SandboxUsage(quota with { Usage = quota.Usage with { GenerationTokens = 1_234 } },
            [
                new UsageEvent("gen_1", "org_customer", UsageKinds.SandboxGeneration, "lst_writer", 40, "CPU", TestData.At.AddMinutes(1), InputTokens: 7, OutputTokens: 1_024),
                new UsageEvent("trial_1", "org_customer", UsageKinds.SandboxTrial, "lst_writer", 9, "CPU", TestData.At),
            ]))
            .On<GetCatalogItem>(q => throw new NotFoundException("Catalog item", q.Id));

        var page = Render<SandboxUsagePanel>(p => p.Add(u => u.OrganizationId, "org_customer"));

        page.WaitForAssertion(() => Assert.Equal("1,234 / 200,000", page.Find("[data-testid='quota-tokens']").TextContent.Trim()));
        var tokens = page.FindAll("[data-testid='usage-event-tokens']");
        Assert.Equal(["7 / 1,024", "—"], tokens.Select(t => t.TextContent.Trim()));
        Assert.Equal(("7", "1024"), (tokens[0].GetAttribute("data-input"), tokens[0].GetAttribute("data-output")));
    }

    [Fact]
    public void Operator_sets_an_organisations_quota_from_the_dialog()
    {
        Caller = TestCallers.OperatorOwner;
        Mediator.Returns<ListOrganizations>(new List<OrganizationSnapshot> { new("org_customer", "Acme", OrganizationType.Customer, TestData.At) })
            .Returns<GetSandboxUsage>(new SandboxUsage(SandboxTestData.Quota(trials: 3, computeSeconds: 1), []))
            .On<SetSandboxQuota>(c => new QuotaStatus(new QuotaPolicy(c.DailyTrials!.Value, c.DailyComputeSeconds!.Value, c.TrialsPerSecond!.Value, c.Burst!.Value), new QuotaUsage()));
        var page = Render<OrganizationsPage>();

        page.WaitForElement("button[data-testid='sandbox-quota']").Click();
        page.WaitForElement("input[data-testid='quota-daily-trials']").Change("5000");
        Assert.Equal("200000", page.Find("input[data-testid='quota-daily-tokens']").GetAttribute("value"));
        page.Find("input[data-testid='quota-daily-tokens']").Change("1000000");
        page.Find("button[data-testid='quota-save']").Click();

        page.WaitForAssertion(() => Assert.Single(Mediator.SentOf<SetSandboxQuota>()));
        Assert.Equal(new SetSandboxQuota("org_customer", 5000, 600, 5, 20, DailyGenerationTokens: 1_000_000), Mediator.SentOf<SetSandboxQuota>().Single());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='quota-dialog']")));
    }
}
