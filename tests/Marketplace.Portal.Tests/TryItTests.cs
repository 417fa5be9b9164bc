using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Sandbox.Trials;
using Marketplace.Domain.Sandbox;
using Marketplace.Portal.Components.Sandbox;

namespace Marketplace.Portal.Tests;

public sealed class TryItTests : PortalTest
{
    public TryItTests() => Caller = TestCallers.Customer;

    [Fact]
    public void Sends_each_line_as_a_text_and_shows_the_dimension_and_cosine_matrix()
    {
        Mediator.On<RunTrial>(_ => SandboxTestData.Trial(
            new TrialOutputs { Embeddings = [[1f, 0f, 0f], [0.6f, 0.8f, 0f]] },
            fallbackReason: "no GPU on this sandbox host, ran on the CPU"));
        var page = RenderPanel();

        page.Find("textarea[data-testid='tryit-text']").Input(" The invoice is due.\n\nPay the bill by Friday. \n");
        page.Find("button[data-testid='tryit-run']").Click();

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid='trial-embedding-dimension']").TextContent.Trim()));
        var sent = Mediator.SentOf<RunTrial>().Single();
        Assert.Equal(["The invoice is due.", "Pay the bill by Friday."], sent.Texts);
        Assert.Equal((SandboxTestData.ModelId, (string?)null, (object?)null), (sent.ModelId, sent.ImageBase64, (object?)sent.Inputs));
        Assert.False(string.IsNullOrEmpty(sent.IdempotencyKey));
        var cells = page.FindAll("[data-testid='similarity-cell']").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["1.00", "0.60", "0.60", "1.00"], cells);
        var device = page.Find("[data-testid='trial-device']");
        Assert.Equal(("CPU", "true"), (device.GetAttribute("data-kind"), device.GetAttribute("data-fallback")));
        Assert.Contains("no GPU on this sandbox host, ran on the CPU", page.Find("[data-testid='trial-fallback']").TextContent);
        Assert.Equal("12.3 ms", page.Find("[data-testid='trial-latency']").TextContent.Trim());
        Assert.Equal("2", page.Find("[data-testid='trial-batch-size']").TextContent.Trim());
    }

    [Fact]
    public void A_sample_chip_fills_the_texts_and_a_429_says_when_to_retry()
    {
        Mediator.Throws<RunTrial>(new TooManyRequestsException("The daily limit of 500 trials is reached; it resets at 00:00 UTC.", TimeSpan.FromMinutes(90)));
        var page = RenderPanel();

        page.FindAll("[data-testid='tryit-sample']").Single(c => c.GetAttribute("data-label") == "Paraphrases").Click();
        page.Find("button[data-testid='tryit-run']").Click();

        page.WaitForAssertion(() => Assert.Contains("The daily limit of 500 trials is reached", page.Find("[data-testid='tryit-quota']").TextContent));
        Assert.Equal("1 h 30 min", page.Find("[data-testid='tryit-retry-after']").TextContent.Trim());
        Assert.Equal(2, Mediator.SentOf<RunTrial>().Single().Texts!.Count);
        Assert.Empty(page.FindAll("[data-testid='trial-result']"));
    }

    [Fact]
    public void A_model_without_a_validated_file_says_it_cannot_be_tried()
    {
        Mediator.Throws<RunTrial>(new ConflictException("sandbox.no_artifact", "Version 1.0.0 has no validated ONNX file, so it cannot run in the sandbox."));
        var page = RenderPanel();

        page.Find("textarea[data-testid='tryit-text']").Input("hello");
        page.Find("button[data-testid='tryit-run']").Click();

        page.WaitForAssertion(() => Assert.Contains("This model cannot be tried in the sandbox", page.Find("[data-testid='empty-state']").TextContent));
        Assert.Empty(page.FindAll("[data-testid='tryit-run']"));
    }

    [Fact]
    public void Anonymous_visitors_are_asked_to_sign_in_and_nothing_is_sent()
    {
        Caller = Caller.Anonymous;

        var page = RenderPanel();

        Assert.Contains("Sign in to try this model", page.Find("[data-testid='tryit-sign-in']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='tryit-run']"));
        Assert.Empty(Mediator.Sent);
    }

    [Fact]
    public void A_tensor_model_sends_the_declared_inputs_filled_with_zeros_and_shows_output_tensors()
    {
        var model = SandboxTestData.TextModel with { Adapter = "tensor", Inputs = [new("features", "float32", [-1, 4])] };
        Mediator.On<RunTrial>(_ => SandboxTestData.Trial(new TrialOutputs { Tensors = [new TensorValue("scores", [1, 2], [0.25, 0.75])] }));
        var page = Render<TryItPanel>(p => p.Add(t => t.ModelId, SandboxTestData.ModelId).Add(t => t.Model, model));

        page.Find("button[data-testid='tryit-run']").Click();

        page.WaitForAssertion(() => Assert.Contains("scores", page.Find("[data-testid='trial-tensor-row']").TextContent));
        var sent = Mediator.SentOf<RunTrial>().Single();
        Assert.Equal([1L, 4], sent.Inputs!["features"].Shape!);
        Assert.Equal([0d, 0, 0, 0], sent.Inputs["features"].Data!);
        Assert.Contains("[1, 2]", page.Find("[data-testid='trial-tensor-row']").TextContent);
    }

    [Fact]
    public void Labels_are_ranked_by_score()
    {
        var model = SandboxTestData.TextModel with { Task = "text-classification" };
        Mediator.On<RunTrial>(_ => SandboxTestData.Trial(new TrialOutputs { Labels = [[new LabelValue("negative", 0, 0.1f), new LabelValue("positive", 1, 0.9f)]] }));
        var page = Render<TryItPanel>(p => p.Add(t => t.ModelId, SandboxTestData.ModelId).Add(t => t.Model, model));

        page.FindAll("[data-testid='tryit-sample']").Single(c => c.GetAttribute("data-label") == "Positive review").Click();
        page.Find("button[data-testid='tryit-run']").Click();

        page.WaitForAssertion(() => Assert.Equal(["positive", "negative"], page.FindAll("[data-testid='trial-label']").Select(l => l.GetAttribute("data-label"))));
    }

    [Fact]
    public void A_paid_trial_says_what_it_cost_and_warns_near_the_spend_cap()
    {
        const string warning = "USD 42.00 of your monthly spend cap of USD 50.00 is used (84 %).";
        Mediator.On<RunTrial>(_ => SandboxTestData.Trial(new TrialOutputs { Embeddings = [[1f, 0f]] }) with
        {
            Paid = new PaidTrial(Inferences: 2, Per1kMinor: 80, "USD", SpentThisMonthMinor: 4_200, MonthlyCapMinor: 5_000, warning),
        });
        var page = RenderPanel();

        page.Find("textarea[data-testid='tryit-text']").Input("hello");
        page.Find("button[data-testid='tryit-run']").Click();

        page.WaitForAssertion(() => Assert.Equal("Paid trial: 2 inferences at USD 0.80 per 1,000", page.Find("[data-testid='trial-paid']").TextContent.Trim()));
        var alert = page.Find("[data-testid='trial-spend-warning']");
        Assert.Contains(warning, alert.TextContent);
        Assert.Contains("mud-alert-text-warning", alert.ClassName);
        Assert.Equal("/account/usage", alert.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_trial_within_the_free_quota_or_far_from_the_cap_carries_no_warning(bool paid)
    {
        Mediator.On<RunTrial>(_ => SandboxTestData.Trial(new TrialOutputs { Embeddings = [[1f, 0f]] }) with
        {
            Paid = paid ? new PaidTrial(1, 1_000, "EUR", 100, 5_000, Warning: null) : null,
        });
        var page = RenderPanel();

        page.Find("textarea[data-testid='tryit-text']").Input("hello");
        page.Find("button[data-testid='tryit-run']").Click();

        page.WaitForElement("[data-testid='trial-result']");
        Assert.Equal(paid ? ["Paid trial: 1 inference at EUR 10.00 per 1,000"] : [], page.FindAll("[data-testid='trial-paid']").Select(c => c.TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid='trial-spend-warning']"));
    }

    private IRenderedComponent<TestHost> RenderPanel() =>
        Render<TryItPanel>(p => p.Add(t => t.ModelId, SandboxTestData.ModelId).Add(t => t.Model, SandboxTestData.TextModel));
}
