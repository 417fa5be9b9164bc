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
}
