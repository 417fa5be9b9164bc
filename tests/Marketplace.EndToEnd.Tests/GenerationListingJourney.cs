using System.Text.Json;
using Marketplace.Inference.Generation;
using Marketplace.Inference.Onnx.Decoders;
using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A model vendor (the demo's Lumen AI Labs) uploads a text-generation model's ONNX decoder and its
/// byte-level BPE tokenizer in the portal: it sees what the validator read from the decoder (layers,
/// KV heads, vocabulary, context), attaches both tokenizer files in one pick, and submits the listing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GenerationListingJourney(BrowserFixture fixture)
{
    private const string Vendor = "org_lumen-ai-labs";

    [Fact]
    public async Task A_vendor_uploads_a_decoder_and_its_tokenizer_in_the_portal_and_submits_the_model()
    {
        var listing = await DraftGenerationListingAsync();
        var files = Directory.CreateTempSubdirectory("e2e-tokenizer").FullName;
        var decoder = Path.Combine(files, "writer.onnx");
        await File.WriteAllBytesAsync(decoder, ExactDecoderBuilder.Build(new ExactDecoderSettings { ChecksCache = false, Layers = 3, KvHeads = 2, HeadSize = 16 }));
        var vocab = Path.Combine(files, "writer-vocab.json");
        await File.WriteAllBytesAsync(vocab, JsonSerializer.SerializeToUtf8Bytes(ByteLevelBpeTokenizer.ByteAlphabetVocabulary()));
        var merges = Path.Combine(files, "writer-merges.txt");
        await File.WriteAllTextAsync(merges, "#version: 0.2\n");

        var page = await fixture.NewPageAsync();
        await Portal.SignInAsync(page, "models@lumen-ai-labs.example", "Demo-password-2026");
        await Portal.GoAsync(page, $"/partner/listings/{listing}");
        await Assertions.Expect(page.GetByTestId("tokenizer-status")).ToHaveTextAsync("Upload the decoder file first.");

        await page.GetByTestId("model-file-input").SetInputFilesAsync(decoder);
        await Assertions.Expect(page.Locator("[data-testid=artifact-report][data-status=Valid]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("decoder-layers")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("decoder-kv-heads")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("decoder-vocabulary")).ToHaveTextAsync("256");

        await page.GetByTestId("tokenizer-file-input").SetInputFilesAsync([vocab, merges]);
        await Assertions.Expect(page.GetByTestId("tokenizer-status")).ToHaveTextAsync("Byte-level BPE, 256 ids, no end-of-sequence token");
        await BrowserFixture.ScreenshotAsync(page, "53-vendor-decoder-and-tokenizer");
        // The two uploads' snackbars fade by inline opacity steps axe reads mid-way; check the page once they are gone.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page, "listing editor, a generation model with its decoder and tokenizer");

        await page.GetByTestId("listing-submit").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=listing-status][data-status=InReview]").First).ToBeVisibleAsync();
    }

    /// <summary>The vendor's draft, as its API key would create it (the editor's form is another journey's).</summary>
    private async Task<string> DraftGenerationListingAsync()
    {
        using var admin = fixture.Host.ClientWithKey(BrowserFixture.AdminKey);
        using var owner = fixture.Host.ClientWithKey(await HostRequests.IssueKeyAsync(admin, Vendor, "Owner"));
        return await HostRequests.CreateGenerationListingAsync(owner, Vendor, "Lumen Writer (test decoder)", "A test decoder that writes the next letters of the alphabet");
    }
}
