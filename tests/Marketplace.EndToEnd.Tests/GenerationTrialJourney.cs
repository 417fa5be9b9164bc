using System.Text.Json;
using Marketplace.Inference.Generation;
using Marketplace.Inference.Onnx.Decoders;
using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A vendor lists a text-generation model through the API (the exact decoder, made here, with the
/// 256 byte tokens as its tokenizer); a buyer streams a generation in the portal and sees its text
/// arrive before it ends, stops a second one midway, and finds both in the usage page with their
/// tokens in and out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GenerationTrialJourney(BrowserFixture fixture)
{
    /// <summary>Next token = previous + 1, with a cache wide enough that each token takes a few milliseconds.</summary>
    private static readonly ExactDecoderSettings Writer = new() { ChecksCache = false, ContextLength = 4096, Layers = 4, KvHeads = 8, HeadSize = 64 };

    [Fact]
    public async Task A_buyer_streams_a_generation_stops_another_and_finds_both_in_usage_with_token_counts()
    {
        var listing = await PublishWriterAsync();
        var buyer = await fixture.NewPageAsync();
        await Portal.SignInAsync(buyer, "buyer@acme-manufacturing.example", "Demo-password-2026");
        await Portal.GoAsync(buyer, $"/catalog/{listing}");

        await buyer.GetByTestId("generate-prompt").FillAsync("abc");
        await buyer.GetByTestId("generate-max-tokens").FillAsync("1500");
        await buyer.GetByTestId("generate-run").ClickAsync();
        // Text on the page while the generation still runs: it streams.
        await Assertions.Expect(buyer.GetByTestId("generate-output")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^defgh"), new() { Timeout = 60_000 });
        await Assertions.Expect(buyer.GetByTestId("generate-stop")).ToBeVisibleAsync();
        Assert.Equal(0, await buyer.GetByTestId("generate-result").CountAsync());
        await BrowserFixture.ScreenshotAsync(buyer, "50-buyer-streams-a-generation");
        await Assertions.Expect(buyer.Locator("[data-testid=generate-result][data-finish=length]")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(buyer.GetByTestId("generate-tokens")).ToHaveTextAsync("3 / 1500");
        await Assertions.Expect(buyer.GetByTestId("generate-cost")).ToContainTextAsync("This run would cost");
        await BrowserFixture.ScreenshotAsync(buyer, "51-generation-with-speed-and-cost");
        await Accessibility.AssertNoSeriousViolationsAsync(buyer, "a generation model's page with a finished generation");

        await buyer.GetByTestId("generate-max-tokens").FillAsync("2000");
        await buyer.GetByTestId("generate-run").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("generate-output")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^defgh"), new() { Timeout = 60_000 });
        await buyer.GetByTestId("generate-stop").ClickAsync();
        await Assertions.Expect(buyer.Locator("[data-testid=generate-result][data-finish=cancelled]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var stoppedAt = int.Parse((await buyer.GetByTestId("generate-tokens").InnerTextAsync()).Split('/')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(stoppedAt, 1, 1999);

        await Portal.GoAsync(buyer, "/account/usage");
        var generations = buyer.Locator("[data-testid=usage-event-tokens][data-kind='sandbox.generation']");
        await Assertions.Expect(generations).ToHaveCountAsync(2);
        // Newest first: the stopped one is metered for what it generated, the other for all of it.
        await Assertions.Expect(generations.Nth(0)).ToHaveAttributeAsync("data-output", stoppedAt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(generations.Nth(1)).ToHaveTextAsync("3 / 1,500");
        await Assertions.Expect(buyer.GetByTestId("quota-tokens")).ToContainTextAsync((3 + 1500 + 3 + stoppedAt).ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture));
        await BrowserFixture.ScreenshotAsync(buyer, "52-usage-with-generation-tokens");
    }

    /// <summary>A verified model vendor lists the decoder with its tokenizer; an operator approves it.</summary>
    private async Task<string> PublishWriterAsync()
    {
        using var admin = fixture.Host.ClientWithKey(BrowserFixture.AdminKey);
        return await HostRequests.PublishGenerationModelAsync(admin, new ByteArrayContent(ExactDecoderBuilder.Build(Writer)),
            JsonSerializer.SerializeToUtf8Bytes(ByteLevelBpeTokenizer.ByteAlphabetVocabulary()), "Exact Writer", "A test decoder that writes the next letters of the alphabet");
    }
}
