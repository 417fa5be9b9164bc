using Marketplace.Application.Solutions;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Benchmarks.Solutions;

/// <summary>
/// A catalog of the size the configurator must handle (1,000 models × 300 integrators × 200
/// hardware offerings by default), generated from a seed so every run sees the same one: a mix of
/// tasks and sizes, decoders with their shapes, deployments, regions, measured throughput for some
/// models, certifications for some integrators, and real accelerator figures.
/// </summary>
public static class GeneratedSolutionCatalog
{
    public static readonly string[] Industries = ["manufacturing", "finance", "government", "healthcare", "media", "office-software", "energy"];
    public static readonly string[] Countries = ["DE", "FR", "NL", "GB", "IE", "US", "CA", "JP", "SG", "CN", "BR", "AU", "SE", "PL", "IN"];
    public static readonly string[] Tasks = [ModelTasks.TextEmbedding, ModelTasks.TextGeneration, ModelTasks.TextClassification, ModelTasks.ImageClassification, ModelTasks.ObjectDetection];

    // Accelerator type, memory GB, dense BF16 TFLOPS, bandwidth GB/s, watts (vendor datasheet figures, rounded).
    private static readonly (string Type, double MemoryGb, double Tflops, double BandwidthGbps, int Watts)[] Accelerators =
    [
        ("NVIDIA L4", 24, 121, 300, 72), ("NVIDIA A10", 24, 125, 600, 150), ("NVIDIA L40S", 48, 362, 864, 350),
        ("NVIDIA A100", 80, 312, 2039, 400), ("NVIDIA H100", 80, 989, 3350, 700), ("NVIDIA H200", 141, 989, 4800, 700),
        ("AMD Instinct MI300X", 192, 1307, 5300, 750), ("Intel Gaudi 3", 128, 1835, 3670, 900),
    ];

    public static OfferSet Generate(int models, int integrators, int hardware, int seed)
    {
        var random = new Random(seed);
        var hardwareOffers = Enumerable.Range(0, hardware).Select(i => Hardware(i, random)).ToList();
        var modelOffers = Enumerable.Range(0, models).Select(i => Model(i, random)).ToList();
        var integratorOffers = Enumerable.Range(0, integrators).Select(i => Integrator(i, random, modelOffers, hardwareOffers)).ToList();
        var partners = modelOffers.Select(m => m.PartnerId).Concat(integratorOffers.Select(i => i.PartnerId)).Concat(hardwareOffers.Select(h => h.PartnerId))
            .Distinct().ToDictionary(p => p, p => $"Partner {p[4..]}");
        return new OfferSet(modelOffers, integratorOffers, hardwareOffers, partners);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private static IReadOnlyList<string> SomeRegions(Random random) =>
        random.NextDouble() < 0.3 ? [Regions.Global] : Countries.Where(_ => random.NextDouble() < 0.4).DefaultIfEmpty(Pick(random, Countries)).ToList();

    private static ModelOffer Model(int i, Random random)
    {
        var task = Pick(random, Tasks);
        var generates = task == ModelTasks.TextGeneration;
        var parameters = generates ? (long)(Pick(random, [1.5, 3, 7, 8, 13, 34, 70]) * 1e9) : (long)(random.Next(20, 600) * 1e6);
        var precision = generates ? Pick(random, [Precisions.Bf16, Precisions.Fp8, Precisions.Int8]) : Pick(random, [Precisions.Fp32, Precisions.Fp16]);
        var bytes = Precisions.BytesPerParameter(precision);
        var layers = generates ? (int)Math.Clamp(Math.Round(Math.Sqrt(parameters / 1e9) * 11), 16, 96) : 0;
        return new ModelOffer
        {
            Id = $"lst_gm{i:0000}",
            Name = $"Generated {task} model {i}",
            PartnerId = $"org_m{i % 120:000}",
            Version = "1.0.0",
            Task = task,
            Deployments = random.NextDouble() switch { < 0.2 => [DeploymentOption.Cloud], < 0.4 => [DeploymentOption.Private], _ => [DeploymentOption.Cloud, DeploymentOption.Private] },
            Regions = SomeRegions(random),
            ParameterCount = parameters,
            WeightBytes = parameters * bytes,
            FlopsPerInference = generates ? 2.0 * parameters : 2.0 * parameters * 128,
            ElementBytes = precision is Precisions.Fp8 or Precisions.Int8 ? 1 : 2,
            Decoder = generates ? new DecoderShape(layers, Pick(random, [4, 8, 8, 16]), 128, Pick(random, [8192, 32768, 131072])) : null,
            Pricing = random.NextDouble() switch
            {
                < 0.35 => new ListingPricing { Currency = "USD", Per1kInferencesMinor = random.Next(1, 200) },
                < 0.7 => new ListingPricing { Currency = "USD", MonthlyMinor = random.Next(10_000, 1_000_000) },
                _ => new ListingPricing { Currency = "USD", OnPremLicenseMinor = random.Next(100_000, 10_000_000), MonthlyMinor = random.Next(10_000, 500_000) },
            },
            Measured = !generates && random.NextDouble() < 0.2
                ? [Measurement(random)]
                : [],
        };

        static MeasuredThroughput Measurement(Random random)
        {
            var perSecond = random.Next(50, 5000);
            return new MeasuredThroughput(Pick(random, Accelerators).Type, perSecond, perSecond * 2.5, 16, 1000.0 / perSecond, 2500.0 / perSecond);
        }
    }

    private static HardwareOffer Hardware(int i, Random random)
    {
        var cpu = random.NextDouble() < 0.1;
        var accelerator = Pick(random, Accelerators);
        var count = cpu ? 0 : Pick(random, [1, 2, 4, 8, 8]);
        var purchase = cpu ? random.Next(1_500_000, 4_000_000) : (long)(accelerator.Tflops * count * random.Next(20_000, 40_000));
        return new HardwareOffer
        {
            Id = $"lst_gh{i:000}",
            Name = cpu ? $"CPU server {i}" : $"{count} × {accelerator.Type} server {i}",
            PartnerId = $"org_h{i % 40:00}",
            Version = "1.0.0",
            Spec = new HardwareSpec
            {
                AcceleratorType = cpu ? "none" : accelerator.Type,
                AcceleratorCount = count,
                MemoryPerAcceleratorGb = cpu ? 0 : accelerator.MemoryGb,
                PeakBf16Tflops = cpu ? 0 : accelerator.Tflops,
                MemoryBandwidthGbps = cpu ? 300 : accelerator.BandwidthGbps,
                Cpu = cpu ? "2 × Intel Xeon Platinum 8480+" : null,
                RamGb = cpu ? 1024 : 2048,
                PowerWatts = cpu ? 900 : (accelerator.Watts * count) + 1200,
                LeadTimeWeeks = random.Next(1, 20),
            },
            Regions = SomeRegions(random),
            Pricing = new ListingPricing { Currency = "USD", PurchasePriceMinor = purchase, MonthlyLeaseMinor = purchase / 30 },
        };
    }

    private static IntegratorOffer Integrator(int i, Random random, List<ModelOffer> models, List<HardwareOffer> hardware)
    {
        var certified = random.NextDouble() < 0.2;
        return new IntegratorOffer
        {
            Id = $"lst_gi{i:000}",
            Name = $"Integrator offering {i}",
            PartnerId = $"org_i{i % 150:000}",
            Version = "1.0.0",
            Industries = Industries.Where(_ => random.NextDouble() < 0.35).DefaultIfEmpty(Pick(random, Industries)).ToList(),
            Regions = SomeRegions(random),
            CertifiedModelIds = certified ? Enumerable.Range(0, 40).Select(_ => Pick(random, models).Id).Distinct().ToList() : [],
            CertifiedHardwareIds = certified && random.NextDouble() < 0.5 ? Enumerable.Range(0, 20).Select(_ => Pick(random, hardware).Id).Distinct().ToList() : [],
            LeadTimeWeeks = random.Next(1, 12),
            ProjectDays = random.Next(5, 60),
            Pricing = new ListingPricing { Currency = "USD", FixedFeeMinor = random.Next(0, 20_000_000), DayRateMinor = random.Next(50_000, 200_000), MonthlySupportMinor = random.Next(0, 1_000_000) },
        };
    }

    /// <summary>Varied requests: industries, one role or two (retrieval + generation), demand, targets, deployments, regions, terms.</summary>
    public static IReadOnlyList<SolutionRequirements> Requests(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            IReadOnlyList<SolutionRole> roles = random.NextDouble() < 0.25
                ? [new SolutionRole("retrieval", ModelTasks.TextEmbedding), new SolutionRole("generation", ModelTasks.TextGeneration)]
                : [new SolutionRole("model", Pick(random, Tasks))];
            var generates = roles.Any(r => r.Task == ModelTasks.TextGeneration);
            return new SolutionRequirements
            {
                Industry = Pick(random, Industries),
                Roles = roles,
                PeakRequestsPerSecond = Math.Round(Math.Exp(random.NextDouble() * Math.Log(500)), 1),
                LatencyP95Ms = generates ? random.Next(5, 40) * 1000 : random.Next(20, 600),
                InputTokens = generates ? random.Next(200, 4000) : 128,
                OutputTokens = random.Next(100, 800),
                Deployment = random.NextDouble() < 0.5 ? DeploymentOption.Private : DeploymentOption.Cloud,
                Region = random.NextDouble() < 0.2 ? Regions.Global : Pick(random, Countries),
                TermMonths = Pick(random, [12, 24, 36, 48, 60]),
                Currency = "USD",
                Redundancy = random.NextDouble() < 0.3,
            };
        }).ToList();
    }
}
