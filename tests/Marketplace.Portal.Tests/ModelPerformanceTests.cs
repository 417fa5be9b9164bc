using Bunit;
using Marketplace.Application.Sandbox.Benchmarks;
using Marketplace.Domain.Sandbox;
using Marketplace.Portal.Components.Sandbox;

namespace Marketplace.Portal.Tests;

public sealed class ModelPerformanceTests : PortalTest
{
    [Fact]
    public void Cost_table_lists_the_cheapest_offering_first_with_its_basis()
    {
        Mediator.Returns<GetModelPerformance>(new ModelPerformance(SandboxTestData.ModelId, "1.0.0",
            [SandboxTestData.Benchmark("CPU", "AMD EPYC")],
            [
                SandboxTestData.Cost("lst_h200", per1k: 2, per1M: 1_500, CostBasis.Estimated),
                SandboxTestData.Cost("lst_cpu", per1k: 1, per1M: 80, CostBasis.Measured),
                SandboxTestData.Cost("lst_l4", per1k: 1, per1M: 400, CostBasis.Estimated),
            ]));

        var page = Render<ModelSandbox>(p => p.Add(s => s.ModelId, SandboxTestData.ModelId).Add(s => s.Model, SandboxTestData.TextModel));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid='cost-row']").Count));
        var rows = page.FindAll("[data-testid='cost-row']");
        Assert.Equal(["lst_cpu", "lst_l4", "lst_h200"], rows.Select(r => r.GetAttribute("data-hardware")));
        Assert.Equal(["Measured", "Estimated", "Estimated"], rows.Select(r => r.QuerySelector("[data-testid='cost-basis']")!.TextContent.Trim()));
        Assert.Equal("USD 0.80", rows[0].QuerySelector("[data-testid='cost-per-1m']")!.TextContent.Trim());
        // Per 1k from per 1M, so a fraction of a cent is not shown as a rounded-up cent.
        Assert.Equal(["USD 0.0008", "USD 0.004", "USD 0.015"], rows.Select(r => r.QuerySelector("[data-testid='cost-per-1k']")!.TextContent.Trim()));
        Assert.Equal("/catalog/lst_cpu", rows[0].QuerySelector("a[data-testid='cost-hardware']")!.GetAttribute("href"));
        Assert.Single(page.FindAll("[data-testid='benchmark-row']"));
        Assert.NotEmpty(page.FindAll("[data-testid='benchmark-latency-chart'] svg"));
    }

    [Fact]
    public void A_generation_model_without_a_decoder_shows_its_roofline_cost_per_million_tokens_and_why_it_cannot_be_tried()
    {
        Caller = TestCallers.Customer;
        var llama = new Marketplace.Domain.Listings.ModelSpec { Task = "text-generation", Modality = "text", License = "llama3.1", Adapter = "tensor" };
        Mediator.Returns<GetModelPerformance>(new ModelPerformance("lst_llama", "1.0.0", [], [],
            [
                new TokenCostEstimate("lst_h200", "H200 server", 2_500, 40, "USD", CostBasis.Estimated, 84.2, 61_000, "roofline estimate at batch 1"),
                new TokenCostEstimate("lst_l4", "L4 server", 1_800, 90, "USD", CostBasis.Estimated, 12.5, 3_000, "roofline estimate at batch 1"),
            ],
            Unavailable: "Version 1.0.0 has no validated ONNX file, so it cannot run in the sandbox."));

        var page = Render<ModelSandbox>(p => p.Add(s => s.ModelId, "lst_llama").Add(s => s.Model, llama));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='token-cost-row']").Count));
        var rows = page.FindAll("[data-testid='token-cost-row']");
        Assert.Equal(["lst_l4", "lst_h200"], rows.Select(r => r.GetAttribute("data-hardware")));
        Assert.Equal(["USD 18.00", "USD 25.00"], rows.Select(r => r.QuerySelector("[data-testid='token-cost-output']")!.TextContent.Trim()));
        Assert.Equal(["USD 0.90", "USD 0.40"], rows.Select(r => r.QuerySelector("[data-testid='token-cost-input']")!.TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid='cost-table']"));
        Assert.Contains("This model cannot be tried in the sandbox", page.Find("[data-testid='empty-state']").TextContent);
    }
}
