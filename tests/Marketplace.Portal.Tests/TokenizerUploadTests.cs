using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Listings;
using Marketplace.Application.Sandbox.Artifacts;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Vocabulary;
using Marketplace.Portal.Components.Sandbox;
using Marketplace.Portal.Services;
using Microsoft.AspNetCore.Components.Forms;

namespace Marketplace.Portal.Tests;

/// <summary>A text-generation model's vendor sees what the validator read from its decoder and attaches the tokenizer beside it.</summary>
public sealed class TokenizerUploadTests : PortalTest
{
    private static readonly ArtifactDecoder Decoder = new(Layers: 30, KvHeads: 3, HeadSize: 64, VocabularySize: 49_152, ContextLength: 2_048, HasPositionIds: true);

    [Fact]
    public void A_decoders_report_shows_its_cache_vocabulary_and_context_and_offers_the_tokenizer_not_a_vocabulary()
    {
        var page = Render<ModelFileSection>(p => p.Add(s => s.Listing, GenerationListing()).Add(s => s.Adapter, "generate"));

        var decoder = page.Find("[data-testid='artifact-decoder']");
        Assert.Equal("30", decoder.QuerySelector("[data-testid='decoder-layers']")!.TextContent.Trim());
        Assert.Equal("3", decoder.QuerySelector("[data-testid='decoder-kv-heads']")!.TextContent.Trim());
        Assert.Equal("64", decoder.QuerySelector("[data-testid='decoder-head-size']")!.TextContent.Trim());
        Assert.Equal("49,152", decoder.QuerySelector("[data-testid='decoder-vocabulary']")!.TextContent.Trim());
        Assert.Equal("2,048", decoder.QuerySelector("[data-testid='decoder-context']")!.TextContent.Trim());
        // 2 × 30 layers × 3 KV heads × 64 × 4 bytes.
        Assert.Equal(PortalFormat.Bytes(46_080), decoder.QuerySelector("[data-testid='decoder-cache-per-token']")!.TextContent.Trim());
        Assert.Contains("None yet", page.Find("[data-testid='tokenizer-status']").TextContent);
        Assert.Empty(page.FindComponents<VocabularyUpload>());
    }

    [Fact]
    public async Task Picking_both_bpe_files_sends_them_under_their_part_names_and_reloads_the_listing()
    {
        var received = new Dictionary<string, string>();
        Mediator.OnAsync<UploadTokenizer>(async upload =>
        {
            foreach (var file in upload.Files)
            {
                using var reader = new StreamReader(file.Content);
                received[file.Name] = await reader.ReadToEndAsync();
            }
            return GenerationListing(new ModelTokenizer { Kind = ModelTokenizer.ByteLevelBpe, VocabularySize = 50_257, EndOfSequenceId = 50_256 });
        });
        var changed = 0;
        var page = Render<ModelFileSection>(p => p.Add(s => s.Listing, GenerationListing()).Add(s => s.Adapter, "generate").Add(s => s.OnChanged, () => changed++));

        page.FindComponent<TokenizerUpload>().FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText("""{"a":0}""", "gpt2-vocab.json"),
            InputFileContent.CreateFromText("#version: 0.2\n", "gpt2-merges.txt"));

        page.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Equal("lst_test1", Mediator.SentOf<UploadTokenizer>().Single().ListingId);
        Assert.Equal(new Dictionary<string, string> { ["vocab.json"] = """{"a":0}""", ["merges.txt"] = "#version: 0.2\n" }, received);
        Assert.Empty(page.FindAll("[data-testid='tokenizer-error']"));
    }

    [Fact]
    public void The_attached_tokenizer_is_described_and_a_refusal_is_shown_beside_it()
    {
        Mediator.Throws<UploadTokenizer>(new RequestValidationException("tokenizer.model", "The tokenizer knows 272 ids but the model's logits cover 256."));
        var page = Render<ModelFileSection>(p => p
            .Add(s => s.Listing, GenerationListing(new ModelTokenizer { Kind = ModelTokenizer.SentencePiece, VocabularySize = 32_000, EndOfSequenceId = 2 }))
            .Add(s => s.Adapter, "generate"));
        Assert.Equal("SentencePiece, 32,000 ids, end of sequence 2", page.Find("[data-testid='tokenizer-status']").TextContent.Trim());
        Assert.Equal("Replace the tokenizer", page.Find("button[data-testid='tokenizer-choose']").TextContent.Trim());

        page.FindComponent<TokenizerUpload>().FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[10], "tokenizer.model"));

        page.WaitForAssertion(() => Assert.Equal("The tokenizer knows 272 ids but the model's logits cover 256.", page.Find("[data-testid='tokenizer-error']").TextContent.Trim()));
        Assert.Equal("tokenizer.model", Mediator.SentOf<UploadTokenizer>().Single().Files.Single().Name);
    }

    [Fact]
    public void A_file_that_is_no_tokenizer_part_is_refused_in_the_browser_and_nothing_is_sent()
    {
        var page = Render<ModelFileSection>(p => p.Add(s => s.Listing, GenerationListing()).Add(s => s.Adapter, "generate"));

        page.FindComponent<TokenizerUpload>().FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[10], "weights.bin"));

        page.WaitForAssertion(() => Assert.Equal("weights.bin is not vocab.json, merges.txt or tokenizer.model.", page.Find("[data-testid='tokenizer-error']").TextContent.Trim()));
        Assert.Empty(Mediator.SentOf<UploadTokenizer>());

        page.FindComponent<TokenizerUpload>().FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("{}", "tokenizer.json"));
        page.WaitForAssertion(() => Assert.StartsWith("tokenizer.json (Hugging Face's fast-tokenizer file) is not read here", page.Find("[data-testid='tokenizer-error']").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Empty(Mediator.SentOf<UploadTokenizer>());
    }

    [Fact]
    public void No_tokenizer_can_be_attached_before_the_decoder_file()
    {
        var listing = TestData.Listing(ListingStatus.Draft, GenerationContent);
        var page = Render<ModelFileSection>(p => p.Add(s => s.Listing, listing).Add(s => s.Adapter, "generate"));

        Assert.True(page.Find("button[data-testid='tokenizer-choose']").HasAttribute("disabled"));
        Assert.Equal("Upload the decoder file first.", page.Find("[data-testid='tokenizer-status']").TextContent.Trim());
    }

    [Fact]
    public void A_decoders_cache_tensors_fold_into_one_line_each_way_until_asked_for()
    {
        static TensorSpec Cache(string name) => new(name, "float32", [-1, 3, -1, 64]);
        var listing = GenerationListing();
        var artifact = listing.Current.Artifact! with
        {
            Inputs = [new("input_ids", "int64", [-1, -1]), new("attention_mask", "int64", [-1, -1]),
                Cache("past_key_values.0.key"), Cache("past_key_values.0.value"), Cache("past_key_values.1.key"), Cache("past_key_values.1.value")],
            Outputs = [new("logits", "float32", [-1, -1, 49_152]), Cache("present.0.key"), Cache("present.0.value"), Cache("present.1.key"), Cache("present.1.value")],
        };
        var page = Render<ArtifactReport>(p => p.Add(r => r.Artifact, ArtifactView.From(artifact, listing.Current)));

        Assert.Equal(["input_ids", "attention_mask", "logits"], page.FindAll("[data-testid='artifact-tensor-row'] td:nth-child(2)").Select(c => c.TextContent.Trim()));
        var folded = page.FindAll("[data-testid='artifact-cache-row']");
        Assert.Equal(["Input", "Output"], folded.Select(r => r.GetAttribute("data-direction")));
        Assert.StartsWith("past_key_values.{0…1}.key|value", folded[0].Children[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("(4 tensors)", folded[1].TextContent);
        Assert.Equal("[?, 3, ?, 64]", folded[1].Children[3].TextContent.Trim());

        page.Find("button[data-testid='artifact-show-cache']").Click();

        Assert.Equal(11, page.FindAll("[data-testid='artifact-tensor-row']").Count);
        Assert.Empty(page.FindAll("[data-testid='artifact-cache-row']"));
    }

    [Theory]
    [InlineData("vocab.json", "vocab.json")]
    [InlineData("GPT2-Merges.TXT", "merges.txt")]
    [InlineData("spm.model", "tokenizer.model")]
    [InlineData("tokenizer.json", null)]
    [InlineData("model.onnx", null)]
    public void Picked_files_are_sent_under_the_part_name_their_extension_says(string fileName, string? part) =>
        Assert.Equal(part, TokenizerUpload.PartName(fileName));

    private static ListingContent GenerationContent { get; } = SandboxTestData.ModelListing with
    {
        Name = "Writer",
        Model = SandboxTestData.TextModel with { Task = "text-generation", Adapter = ModelAdapters.Generate, Inputs = [], Outputs = [] },
    };

    private static ListingSnapshot GenerationListing(ModelTokenizer? tokenizer = null)
    {
        var listing = TestData.Listing(ListingStatus.Draft, GenerationContent);
        return listing with
        {
            Current = listing.Current with
            {
                Artifact = new ModelArtifact { Sha256 = new string('d', 64), SizeBytes = 538_000_000, Status = ModelArtifact.Valid, Decoder = Decoder, Tokenizer = tokenizer },
            },
        };
    }
}
