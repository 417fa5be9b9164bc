using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;

namespace Marketplace.Domain.Tests.Solutions;

/// <summary>Offers and requirements for hand-computed cases.</summary>
internal static class Offers
{
    public static readonly DateOnly Today = new(2026, 12, 1);

    public static SolutionRequirements Requirements(string task = "text-embedding", double rps = 100, double latencyMs = 100) => new()
    {
        Industry = "finance",
        Roles = [new SolutionRole("main", task)],
        PeakRequestsPerSecond = rps,
        LatencyP95Ms = latencyMs,
        Deployment = DeploymentOption.Private,
        Region = "DE",
        TermMonths = 36,
        Currency = "USD",
    };

    public static ModelOffer Encoder(string id = "lst_encoder", double weightBytes = 100e6, double flops = 2e9, params MeasuredThroughput[] measured) => new()
    {
        Id = id,
        Name = id,
        PartnerId = "org_models",
        Version = "1.0.0",
        Task = "text-embedding",
        Deployments = [DeploymentOption.Private, DeploymentOption.Cloud],
        ParameterCount = (long)(weightBytes / 4),
        WeightBytes = weightBytes,
        FlopsPerInference = flops,
        Pricing = new ListingPricing { Currency = "USD", OnPremLicenseMinor = 100_000 },
        Measured = measured,
    };

    /// <summary>A 70B-class decoder in bf16 (Llama-3-70B-shaped: 80 layers, 8 KV heads of 128).</summary>
    public static ModelOffer Decoder70B() => new()
    {
        Id = "lst_70b",
        Name = "70B",
        PartnerId = "org_models",
        Version = "1.0.0",
        Task = "text-generation",
        Deployments = [DeploymentOption.Private],
        ParameterCount = 70_000_000_000,
        WeightBytes = 140e9,
        FlopsPerInference = 140e9,
        ElementBytes = 2,
        Decoder = new DecoderShape(Layers: 80, KvHeads: 8, HeadDim: 128, ContextLength: 131_072),
        Pricing = new ListingPricing { Currency = "USD", MonthlyMinor = 500_000 },
    };

    public static HardwareOffer Server(string id, string accelerator, int count, double memoryGb, double tflops, double bandwidthGbps, long purchaseMinor = 10_000_000) => new()
    {
        Id = id,
        Name = id,
        PartnerId = "org_hardware",
        Version = "1.0.0",
        Spec = new HardwareSpec
        {
            AcceleratorType = accelerator, AcceleratorCount = count, MemoryPerAcceleratorGb = memoryGb,
            PeakBf16Tflops = tflops, MemoryBandwidthGbps = bandwidthGbps,
        },
        Pricing = new ListingPricing { Currency = "USD", PurchasePriceMinor = purchaseMinor, MonthlyLeaseMinor = purchaseMinor / 30 },
    };

    // Public datasheet figures (dense BF16 TFLOPS, GB, GB/s): NVIDIA L4, H100 SXM, H200.
    public static HardwareOffer TwoL4() => Server("lst_2xl4", "NVIDIA L4", 2, 24, 121, 300);

    public static HardwareOffer TwoH100() => Server("lst_2xh100", "NVIDIA H100", 2, 80, 989, 3350);

    public static HardwareOffer EightH200() => Server("lst_8xh200", "NVIDIA H200", 8, 141, 989, 4800);

    public static IntegratorOffer Integrator(string id = "lst_integrator", long fixedFee = 1_000_000) => new()
    {
        Id = id,
        Name = id,
        PartnerId = "org_integrator",
        Version = "1.0.0",
        Industries = ["finance"],
        Pricing = new ListingPricing { Currency = "USD", FixedFeeMinor = fixedFee },
    };
}
