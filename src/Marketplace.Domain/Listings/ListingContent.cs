namespace Marketplace.Domain.Listings;

/// <summary>
/// What one version of a listing says. Common fields for every kind, then exactly one of
/// <see cref="Model"/>, <see cref="Integrator"/> or <see cref="Hardware"/> for its kind.
/// Published versions are immutable: a change is a new version.
/// </summary>
public sealed record ListingContent
{
    public required ListingKind Kind { get; init; }

    public required string Name { get; init; }

    public string Summary { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>Industry ids from the catalog ("manufacturing", "finance", …).</summary>
    public IReadOnlyList<string> Industries { get; init; } = [];

    /// <summary>Where it is offered: ISO 3166 alpha-2 codes or "GLOBAL".</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public ListingPricing Pricing { get; init; } = new() { Currency = "USD" };

    public ModelSpec? Model { get; init; }

    public IntegratorSpec? Integrator { get; init; }

    public HardwareSpec? Hardware { get; init; }

    /// <summary>Where public figures come from (URL or document), as the seed catalog requires.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
}

/// <summary>
/// Prices in integer minor units of <see cref="Currency"/>. Which fields apply depends on the kind:
/// models per 1k inferences / per month / on-prem licence; integrators fixed fee / day rate /
/// monthly support; hardware purchase price / monthly lease.
/// </summary>
public sealed record ListingPricing
{
    public required string Currency { get; init; }

    public long? Per1kInferencesMinor { get; init; }

    public long? MonthlyMinor { get; init; }

    public long? OnPremLicenseMinor { get; init; }

    public long? FixedFeeMinor { get; init; }

    public long? DayRateMinor { get; init; }

    public long? MonthlySupportMinor { get; init; }

    public long? PurchasePriceMinor { get; init; }

    public long? MonthlyLeaseMinor { get; init; }

    /// <summary>All price fields with their names, for checks and display.</summary>
    public IEnumerable<(string Field, long? Minor)> Fields()
    {
        yield return ("per1kInferencesMinor", Per1kInferencesMinor);
        yield return ("monthlyMinor", MonthlyMinor);
        yield return ("onPremLicenseMinor", OnPremLicenseMinor);
        yield return ("fixedFeeMinor", FixedFeeMinor);
        yield return ("dayRateMinor", DayRateMinor);
        yield return ("monthlySupportMinor", MonthlySupportMinor);
        yield return ("purchasePriceMinor", PurchasePriceMinor);
        yield return ("monthlyLeaseMinor", MonthlyLeaseMinor);
    }

    /// <summary>The price fields a kind may use.</summary>
    public static IReadOnlySet<string> FieldsFor(ListingKind kind) => kind switch
    {
        ListingKind.Model => new HashSet<string> { "per1kInferencesMinor", "monthlyMinor", "onPremLicenseMinor" },
        ListingKind.Integrator => new HashSet<string> { "fixedFeeMinor", "dayRateMinor", "monthlySupportMinor" },
        _ => new HashSet<string> { "purchasePriceMinor", "monthlyLeaseMinor" },
    };

    /// <summary>
    /// The one figure search sorts and filters by: the entry price a buyer compares first
    /// (per 1k inferences for models, the fixed fee or day rate for integrators, the monthly
    /// lease or purchase price for hardware).
    /// </summary>
    public long? HeadlinePrice(ListingKind kind) =>
        HeadlineField(kind) is { } field ? Fields().First(f => f.Field == field).Minor : null;

    /// <summary>Which price field <see cref="HeadlinePrice"/> comes from, so a buyer sees its unit.</summary>
    public string? HeadlineField(ListingKind kind) => kind switch
    {
        ListingKind.Model => FirstSet(("per1kInferencesMinor", Per1kInferencesMinor), ("monthlyMinor", MonthlyMinor), ("onPremLicenseMinor", OnPremLicenseMinor)),
        ListingKind.Integrator => FirstSet(("fixedFeeMinor", FixedFeeMinor), ("dayRateMinor", DayRateMinor), ("monthlySupportMinor", MonthlySupportMinor)),
        _ => FirstSet(("monthlyLeaseMinor", MonthlyLeaseMinor), ("purchasePriceMinor", PurchasePriceMinor)),
    };

    private static string? FirstSet(params (string Field, long? Minor)[] candidates) =>
        candidates.FirstOrDefault(c => c.Minor is not null).Field;
}

/// <summary>A tensor as a model declares it; -1 marks a dynamic dimension.</summary>
public sealed record TensorSpec(string Name, string ElementType, IReadOnlyList<long> Shape);

/// <summary>What a model listing says about the model itself.</summary>
public sealed record ModelSpec
{
    /// <summary>"text-embedding", "text-classification", "image-embedding", "image-classification", "object-detection", "text-generation", …</summary>
    public required string Task { get; init; }

    /// <summary>"text", "image", "audio", "multimodal" or "tensor".</summary>
    public required string Modality { get; init; }

    /// <summary>SPDX-style licence id ("apache-2.0", "mit", "llama3", "proprietary").</summary>
    public required string License { get; init; }

    public long? ParameterCount { get; init; }

    /// <summary>"fp32", "fp16", "bf16", "int8", "int4".</summary>
    public string? Precision { get; init; }

    public IReadOnlyList<TensorSpec> Inputs { get; init; } = [];

    public IReadOnlyList<TensorSpec> Outputs { get; init; } = [];

    public int? MemoryFootprintMb { get; init; }

    public IReadOnlyList<DeploymentOption> Deployment { get; init; } = [];

    /// <summary>How the sandbox feeds the model: "text", "image", "tensor" or "generate".</summary>
    public string? Adapter { get; init; }

    /// <summary>Floating-point operations per inference at batch 1, for roofline estimates.</summary>
    public double? FlopsPerInference { get; init; }

    /// <summary>How the sandbox adapter prepares inputs and reads outputs; defaults suit most models.</summary>
    public ModelAdapterSettings? AdapterSettings { get; init; }

    /// <summary>For text-generation models: layers, KV heads, head size and context length (KV cache sizing).</summary>
    public DecoderShape? Decoder { get; init; }
}

/// <summary>
/// What a model needs from its adapter beyond the defaults: token budget for text, size and
/// normalisation for images, label names and which output to read.
/// </summary>
public sealed record ModelAdapterSettings
{
    /// <summary>Text: word pieces including [CLS] and [SEP] (default 256).</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Text: lower-case before tokenising (default true, as uncased BERT vocabularies need).</summary>
    public bool? LowerCase { get; init; }

    /// <summary>Image: input width and height in pixels (default 224).</summary>
    public int? ImageSize { get; init; }

    /// <summary>Image: per-channel mean and std applied after <see cref="PixelScale"/> (default ImageNet).</summary>
    public IReadOnlyList<float>? Mean { get; init; }

    public IReadOnlyList<float>? Std { get; init; }

    /// <summary>Image: "rgb" (default) or "bgr".</summary>
    public string? ChannelOrder { get; init; }

    /// <summary>Image: pixel values are multiplied by this first (default 1/255).</summary>
    public float? PixelScale { get; init; }

    /// <summary>"embedding", "labels" or "tensors"; by default from the task.</summary>
    public string? Output { get; init; }

    /// <summary>Which output tensor to read; by default the first.</summary>
    public string? OutputName { get; init; }

    /// <summary>Class names by index for label outputs.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Generation: the id that ends a generation, overriding what the tokenizer files imply.</summary>
    public int? EndOfSequenceId { get; init; }

    /// <summary>Generation: tokens matched whole before tokenisation ("&lt;|im_end|&gt;" → 2), with their ids.</summary>
    public IReadOnlyDictionary<string, int>? SpecialTokens { get; init; }
}

/// <summary>What an integrator or software vendor offers.</summary>
public sealed record IntegratorSpec
{
    /// <summary>"computer-vision", "rag", "mlops", "on-prem-deployment", …</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>Model listings this integrator is certified to deliver.</summary>
    public IReadOnlyList<string> CertifiedModelIds { get; init; } = [];

    /// <summary>Hardware listings this integrator is certified to deliver on.</summary>
    public IReadOnlyList<string> CertifiedHardwareIds { get; init; } = [];

    /// <summary>How many projects it can start per quarter.</summary>
    public int? DeliveryCapacityPerQuarter { get; init; }

    public int? LeadTimeWeeks { get; init; }

    /// <summary>Days of work one deployment takes, billed at the day rate; <see cref="DefaultProjectDays"/> when not stated.</summary>
    public int? ProjectDays { get; init; }

    public const int DefaultProjectDays = 10;
}

/// <summary>A hardware offering (a server or appliance with accelerators, or a CPU-only server).</summary>
public sealed record HardwareSpec
{
    /// <summary>"NVIDIA H200", "AMD Instinct MI300X", "none" for CPU-only servers.</summary>
    public required string AcceleratorType { get; init; }

    public int AcceleratorCount { get; init; }

    public double MemoryPerAcceleratorGb { get; init; }

    /// <summary>Dense peak of one accelerator, without sparsity.</summary>
    public double PeakBf16Tflops { get; init; }

    public double? PeakFp16Tflops { get; init; }

    /// <summary>Memory bandwidth of one accelerator (or of the CPU sockets for CPU-only servers), GB/s.</summary>
    public double MemoryBandwidthGbps { get; init; }

    public string? Cpu { get; init; }

    public int? RamGb { get; init; }

    public int? PowerWatts { get; init; }

    /// <summary>"8U server", "PCIe card", "2U server", "appliance", …</summary>
    public string? FormFactor { get; init; }

    public int? LeadTimeWeeks { get; init; }
}
