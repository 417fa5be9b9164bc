using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Tests.ListingRules;

public sealed class ListingChecksTests
{
    private static ListingContent Integrator(ListingPricing? pricing = null) => new()
    {
        Kind = ListingKind.Integrator,
        Name = "Example Integration Co",
        Summary = "Visual inspection roll-outs for factories",
        Industries = ["manufacturing"],
        Regions = ["CN"],
        Pricing = pricing ?? new ListingPricing { Currency = "USD", FixedFeeMinor = 5_000_000, MonthlySupportMinor = 300_000 },
        Integrator = new IntegratorSpec { Capabilities = ["computer-vision"], DeliveryCapacityPerQuarter = 4, LeadTimeWeeks = 6 },
    };

    private static IEnumerable<string> Failed(ListingContent content, CheckSeverity severity) =>
        ListingChecks.Run(content).Where(c => !c.Passed && c.Severity == severity).Select(c => c.Id);

    [Fact]
    public void A_complete_integrator_offering_passes_every_blocking_check()
    {
        Assert.False(ListingChecks.Blocks(ListingChecks.Run(Integrator())));
        Assert.Empty(Failed(Integrator(), CheckSeverity.Error));
    }

    [Fact]
    public void Missing_capabilities_short_summary_and_no_regions_block_submission()
    {
        var content = Integrator() with { Summary = "short", Regions = [], Integrator = new IntegratorSpec() };

        Assert.True(ListingChecks.Blocks(ListingChecks.Run(content)));
        Assert.Equal(["complete.summary", "complete.regions", "complete.integrator.capabilities"], Failed(content, CheckSeverity.Error));
    }

    [Fact]
    public void Prices_must_exist_be_positive_apply_to_the_kind_and_use_a_supported_currency()
    {
        Assert.Contains("pricing.present", Failed(Integrator(new ListingPricing { Currency = "USD" }), CheckSeverity.Error));
        Assert.Contains("pricing.fixedFeeMinor.positive", Failed(Integrator(new ListingPricing { Currency = "USD", FixedFeeMinor = 0 }), CheckSeverity.Error));
        Assert.Contains("pricing.monthlyLeaseMinor.applies", Failed(Integrator(new ListingPricing { Currency = "USD", FixedFeeMinor = 1, MonthlyLeaseMinor = 5 }), CheckSeverity.Error));
        Assert.Contains("pricing.currency", Failed(Integrator(new ListingPricing { Currency = "XXX", FixedFeeMinor = 1 }), CheckSeverity.Error));
    }

    [Fact]
    public void Implausible_prices_are_warnings_for_the_reviewer()
    {
        var hardware = new ListingContent
        {
            Kind = ListingKind.Hardware,
            Name = "Box",
            Summary = "A server with eight accelerators inside",
            Regions = ["DE"],
            Pricing = new ListingPricing { Currency = "USD", PurchasePriceMinor = 100, MonthlyLeaseMinor = 1000 },
            Hardware = new HardwareSpec { AcceleratorType = "NVIDIA L4", AcceleratorCount = 8, MemoryPerAcceleratorGb = 24, PeakBf16Tflops = 121, MemoryBandwidthGbps = 300, PowerWatts = 1400 },
        };

        Assert.False(ListingChecks.Blocks(ListingChecks.Run(hardware)));
        Assert.Contains("pricing.leaseBelowPurchase", Failed(hardware, CheckSeverity.Warning));
        Assert.Contains("complete.industries", Failed(hardware, CheckSeverity.Warning));
    }

    private static ListingContent Generator() => new()
    {
        Kind = ListingKind.Model,
        Name = "Tiny writer",
        Summary = "A small decoder that continues a prompt",
        Industries = ["media"],
        Regions = ["GLOBAL"],
        Pricing = new ListingPricing { Currency = "USD", Per1kInferencesMinor = 5 },
        Model = new ModelSpec { Task = "text-generation", Modality = "text", License = "mit", Adapter = "generate", Deployment = [DeploymentOption.Cloud] },
    };

    private static ModelArtifact DecoderFile(ModelTokenizer? tokenizer = null, int vocabulary = 256) => new()
    {
        Sha256 = new string('a', 64),
        SizeBytes = 1000,
        Status = ModelArtifact.Valid,
        Decoder = new ArtifactDecoder(2, 2, 4, vocabulary, 64, HasPositionIds: true),
        Tokenizer = tokenizer,
    };

    private static readonly ModelTokenizer Bytes = new() { Kind = ModelTokenizer.ByteLevelBpe, VocabSha256 = "v", MergesSha256 = "m", VocabularySize = 256 };

    private static IEnumerable<string> FailedErrors(ListingContent content, ModelArtifact? artifact) =>
        ListingChecks.Run(content, artifact).Where(c => c is { Passed: false, Severity: CheckSeverity.Error }).Select(c => c.Id);

    [Fact]
    public void A_text_generation_model_is_submitted_with_a_decoder_file_and_a_tokenizer_its_logits_cover()
    {
        Assert.Empty(FailedErrors(Generator(), DecoderFile(Bytes)));
        Assert.Equal(["artifact.valid"], FailedErrors(Generator(), null));
        Assert.Equal(["artifact.tokenizer"], FailedErrors(Generator(), DecoderFile()));
        Assert.Equal(["artifact.decoder"], FailedErrors(Generator(), DecoderFile(Bytes) with { Decoder = null }));
        Assert.Equal(["artifact.tokenizerFits"], FailedErrors(Generator(), DecoderFile(Bytes, vocabulary: 128)));
        Assert.Equal(["artifact.valid"], FailedErrors(Generator(), DecoderFile(Bytes) with { Status = ModelArtifact.Invalid, Reasons = ["broken"] }));
    }

    [Fact]
    public void A_cpu_only_server_needs_no_accelerator_figures()
    {
        var server = new ListingContent
        {
            Kind = ListingKind.Hardware,
            Name = "CPU box",
            Summary = "CPU-only inference server for small models",
            Regions = ["SG"],
            Pricing = new ListingPricing { Currency = "USD", MonthlyLeaseMinor = 110_000 },
            Hardware = new HardwareSpec { AcceleratorType = "none", AcceleratorCount = 0, MemoryBandwidthGbps = 614.4 },
        };

        Assert.Empty(Failed(server, CheckSeverity.Error));
    }
}
