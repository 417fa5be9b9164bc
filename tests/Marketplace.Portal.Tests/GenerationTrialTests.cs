using System.Threading.Channels;
using Bunit;
using Marketplace.Application.Sandbox.Generations;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sandbox;
using Marketplace.Portal.Components.Sandbox;

namespace Marketplace.Portal.Tests;

public sealed class GenerationTrialTests : PortalTest
{
    private static readonly ModelSpec Writer = new() { Task = "text-generation", Modality = "text", License = "mit", Adapter = "generate" };

    private readonly Channel<GeneratedText> _chunks = Channel.CreateUnbounded<GeneratedText>();
    private readonly TaskCompletionSource<GenerationAnswer> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stops;

    public GenerationTrialTests()
    {
        Caller = TestCallers.Customer;
        Mediator.On<StartGeneration>(_ => new GenerationSession(token => _chunks.Reader.ReadAllAsync(token), _answer.Task, () => Interlocked.Increment(ref _stops)));
    }

    [Fact]
    public void The_text_streams_in_as_it_is_generated_then_shows_time_to_first_token_speed_and_what_the_run_cost()
    {
        var page = RenderPanel();

        page.Find("textarea[data-testid='generate-prompt']").Input("abc");
        page.Find("button[data-testid='generate-run']").Click();
        _chunks.Writer.TryWrite(new GeneratedText("de", [100, 101]));

        page.WaitForAssertion(() => Assert.Equal("de", page.Find("[data-testid='generate-output']").TextContent));
        Assert.Equal("2", page.Find("[data-testid='generate-count']").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("button[data-testid='generate-stop']"));
        Assert.Empty(page.FindAll("[data-testid='generate-result']"));
        var sent = Mediator.SentOf<StartGeneration>().Single();
        Assert.Equal((SandboxTestData.ModelId, "abc", 64, 0d), (sent.ModelId, sent.Prompt, sent.MaxNewTokens, sent.Temperature));
        Assert.False(string.IsNullOrEmpty(sent.IdempotencyKey));

        _chunks.Writer.TryWrite(new GeneratedText("f", [102]));
        _chunks.Writer.Complete();
        _answer.SetResult(Answer("def", [100, 101, 102], FinishReasons.Length));

        page.WaitForAssertion(() => Assert.Equal("length", page.Find("[data-testid='generate-result']").GetAttribute("data-finish")));
        Assert.Equal("def", page.Find("[data-testid='generate-output']").TextContent);
        Assert.Equal("42.0 ms", page.Find("[data-testid='generate-ttft']").TextContent.Trim());
        Assert.Equal("250.5", page.Find("[data-testid='generate-tps']").TextContent.Trim());
        Assert.Equal("3 / 3", page.Find("[data-testid='generate-tokens']").TextContent.Trim());
        // Cheapest offering: 3 × 200 + 3 × 1,000 cents per million tokens = 0.0036 cents.
        var cost = page.Find("[data-testid='generate-cost']");
        Assert.Equal("lst_cheap", cost.GetAttribute("data-hardware"));
        Assert.Contains("USD 0.000036", cost.TextContent);
        Assert.Empty(page.FindAll("button[data-testid='generate-stop']"));
    }

    [Fact]
    public void Stop_ends_the_generation_and_shows_what_came_before_it_stopped()
    {
        var page = RenderPanel();
        page.Find("textarea[data-testid='generate-prompt']").Input("abc");
        page.Find("button[data-testid='generate-run']").Click();
        _chunks.Writer.TryWrite(new GeneratedText("d", [100]));
        page.WaitForAssertion(() => Assert.Equal("d", page.Find("[data-testid='generate-output']").TextContent));

        page.Find("button[data-testid='generate-stop']").Click();
        _chunks.Writer.Complete();
        _answer.SetResult(Answer("d", [100], FinishReasons.Cancelled));

        page.WaitForAssertion(() => Assert.Equal("cancelled", page.Find("[data-testid='generate-result']").GetAttribute("data-finish")));
        Assert.Equal(1, _stops);
        Assert.Equal("stopped", page.Find("[data-testid='generate-finish']").TextContent.Trim());
        Assert.Equal("3 / 1", page.Find("[data-testid='generate-tokens']").TextContent.Trim());
    }

    [Fact]
    public void An_empty_prompt_is_refused_before_anything_is_sent()
    {
        var page = RenderPanel();

        page.Find("button[data-testid='generate-run']").Click();

        page.WaitForAssertion(() => Assert.Contains("Write a prompt", page.Markup));
        Assert.Empty(Mediator.SentOf<StartGeneration>());
    }

    private static GenerationAnswer Answer(string text, IReadOnlyList<int> tokens, string finish) => new(
        "gen_1", SandboxTestData.ModelId, "1.0.0", text, tokens, finish, new TokenUsage(3, tokens.Count),
        TimeToFirstTokenMs: 42, TokensPerSecond: 250.5, QueueMs: 0, PrefillMs: 40, DecodeMs: 8, TotalMs: 48,
        Device: "cpu", DeviceKind: "CPU", DeviceName: "AMD EPYC", FallbackReason: null, Seed: null,
        CostEstimates:
        [
            new TokenCostEstimate("lst_dear", "Dear server", 5_000, 900, "USD", CostBasis.Estimated, 10, 100, "roofline"),
            new TokenCostEstimate("lst_cheap", "Cheap server", 1_000, 200, "USD", CostBasis.Measured, 1000, 10_000, "measured"),
        ],
        Replay: false);

    private IRenderedComponent<TestHost> RenderPanel() =>
        Render<TryItPanel>(p => p.Add(t => t.ModelId, SandboxTestData.ModelId).Add(t => t.Model, Writer));
}
