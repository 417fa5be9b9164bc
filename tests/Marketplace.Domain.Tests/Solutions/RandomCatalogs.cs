using CsCheck;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Money;
using Marketplace.Domain.Solutions;

namespace Marketplace.Domain.Tests.Solutions;

/// <summary>Small random catalogs and requirements, with enough variety to hit every rule.</summary>
internal static class RandomCatalogs
{
    private static readonly string[] Tasks = ["text-embedding", "text-generation"];
    private static readonly string[] Regions = ["DE", "CN", "US"];
    private static readonly string[] Accelerators = ["NVIDIA L4", "NVIDIA H100", "AMD MI300X"];

    private static readonly Gen<ListingPricing> ModelPricing =
        Gen.Select(Gen.Int[0, 5], Gen.Long[1, 500_000], Gen.OneOf("USD", "USD", "EUR")).Select((kind, amount, currency) => kind switch
        {
            0 => new ListingPricing { Currency = currency, OnPremLicenseMinor = amount },
            1 => new ListingPricing { Currency = currency, MonthlyMinor = amount },
            2 => new ListingPricing { Currency = currency, OnPremLicenseMinor = amount, MonthlyMinor = amount / 10 },
            3 or 4 => new ListingPricing { Currency = currency, Per1kInferencesMinor = amount % 500 },
            _ => new ListingPricing { Currency = currency },
        });

    private static Gen<ModelOffer> Model(int index) =>
        Gen.Select(Gen.OneOf(Tasks), Gen.Double[0.05e9, 30e9], Gen.Int[0, 4], Gen.OneOf(Regions).List[0, 1], ModelPricing, Gen.Int[0, 2], Gen.Double[10, 3000])
            .Select((task, weights, deployment, regions, pricing, measuredOn, measured) => new ModelOffer
            {
                Id = $"lst_m{index}",
                Name = $"model {index}",
                PartnerId = $"org_mp{index % 2}",
                Version = "1.0.0",
                Task = task,
                Deployments = deployment switch { 0 => [DeploymentOption.Private], 1 => [DeploymentOption.Cloud], _ => [DeploymentOption.Private, DeploymentOption.Cloud] },
                Regions = regions.Distinct().ToList(),
                ParameterCount = (long)(weights / 2),
                WeightBytes = weights,
                FlopsPerInference = weights,
                Decoder = task == "text-generation" ? new DecoderShape(40, 8, 128, 32_768) : null,
                Pricing = pricing,
                Measured = task == "text-embedding" && measuredOn < Accelerators.Length - 1
                    ? [new MeasuredThroughput(Accelerators[measuredOn], measured, measured * 2, 8, 1000 / measured, 2000 / measured)]
                    : [],
            });

    private static Gen<HardwareOffer> Hardware(int index) =>
        Gen.Select(Gen.Int[0, Accelerators.Length - 1], Gen.Int[1, 8], Gen.Double[16, 192], Gen.OneOf(Regions).List[0, 1], Gen.Long[100_000, 50_000_000], Gen.Int[0, 3], Gen.Int[0, 16], Gen.Int[0, 24])
            .Select((accelerator, count, memory, regions, price, priced, lead, owned) => new HardwareOffer
            {
                Id = $"lst_h{index}",
                Name = $"server {index}",
                PartnerId = "org_hp",
                Version = "1.0.0",
                Spec = new HardwareSpec
                {
                    AcceleratorType = Accelerators[accelerator], AcceleratorCount = count, MemoryPerAcceleratorGb = memory,
                    PeakBf16Tflops = 100 + (accelerator * 400), MemoryBandwidthGbps = 300 + (accelerator * 1500), LeadTimeWeeks = lead,
                },
                Regions = regions.Distinct().ToList(),
                // Now and then the customer's own accelerators: a few servers' worth, never priced.
                Owned = owned < 4,
                AvailableServers = owned < 4 ? owned + 1 : null,
                Pricing = priced switch
                {
                    0 => new ListingPricing { Currency = "USD", PurchasePriceMinor = price },
                    1 => new ListingPricing { Currency = "USD", MonthlyLeaseMinor = price / 30 },
                    2 => new ListingPricing { Currency = "USD", PurchasePriceMinor = price, MonthlyLeaseMinor = price / 30 },
                    _ => new ListingPricing { Currency = "EUR", PurchasePriceMinor = price, MonthlyLeaseMinor = price / 30 },
                },
            });

    private static Gen<IntegratorOffer> Integrator(int index, int models, int hardware) =>
        Gen.Select(Gen.OneOf("finance", "finance", "energy").List[0, 1], Gen.Int[0, models + 1].List[0, 2], Gen.Int[0, hardware + 1].List[0, 1], Gen.Long[0, 2_000_000], Gen.Long[0, 100_000], Gen.Int[0, 12], Gen.Int[0, 3])
            .Select((industries, certifiedModels, certifiedHardware, fixedFee, day, lead, certifies) => new IntegratorOffer
            {
                Id = $"lst_i{index}",
                Name = $"integrator {index}",
                PartnerId = $"org_ip{index}",
                Version = "1.0.0",
                Industries = industries.Distinct().ToList(),
                // Most integrators deliver anything; some name what they are certified for.
                CertifiedModelIds = certifies == 3 ? certifiedModels.Select(m => $"lst_m{m}").Distinct().ToList() : [],
                CertifiedHardwareIds = certifies >= 2 ? certifiedHardware.Select(h => $"lst_h{h}").Distinct().ToList() : [],
                LeadTimeWeeks = lead,
                ProjectDays = 5,
                Pricing = new ListingPricing { Currency = "USD", FixedFeeMinor = fixedFee, DayRateMinor = day },
            });

    private static Gen<T[]> Many<T>(Func<int, Gen<T>> one, int min, int max) =>
        Gen.Int[min, max].SelectMany(n => n == 0 ? Gen.Const(Array.Empty<T>()) : Enumerable.Range(0, n).Select(one).Aggregate(Gen.Const(Array.Empty<T>()), (all, g) => all.SelectMany(a => g.Select(x => (T[])[.. a, x]))));

    private static readonly Gen<SolutionRequirements> Requirements =
        Gen.Select(Gen.Int[1, 2], Gen.Double[0.5, 400], Gen.Double[20, 60_000], Gen.Bool, Gen.OneOf("GLOBAL", "GLOBAL", "DE", "CN", "US"), Gen.Int[1, 48], Gen.Bool, Gen.Int[0, 40])
            .Select((roles, rps, latency, cloud, region, months, redundancy, neededWeeks) => new SolutionRequirements
            {
                Industry = "finance",
                Roles = roles == 1 ? [new SolutionRole("main", Tasks[(int)rps % 2])] : [new SolutionRole("retrieval", "text-embedding"), new SolutionRole("generation", "text-generation")],
                PeakRequestsPerSecond = rps,
                LatencyP95Ms = latency,
                InputTokens = 256,
                OutputTokens = 128,
                Deployment = cloud ? DeploymentOption.Cloud : DeploymentOption.Private,
                Region = region,
                TermMonths = months,
                Currency = "USD",
                Redundancy = redundancy,
                NeededBy = neededWeeks < 10 ? null : Offers.Today.AddDays(neededWeeks * 7),
            });

    public static readonly Gen<SolutionProblem> Problems =
        Gen.Select(Many(Model, 0, 12), Many(Hardware, 0, 6), Gen.Int[1, 5], Requirements, Gen.Int[0, 2000], Gen.Bool)
            .SelectMany((models, hardware, top, requirements, tax, withRate) =>
                Many(i => Integrator(i, models.Length, hardware.Length), 0, 5).Select(integrators => new SolutionProblem
                {
                    Requirements = requirements,
                    Models = models,
                    Hardware = hardware,
                    Integrators = integrators,
                    Terms = new PriceTerms(1000, tax, withRate ? new ExchangeRates([new ExchangeRate("EUR", "USD", 1_085_000, DateTimeOffset.UnixEpoch)]) : ExchangeRates.None),
                    Calibration = new EfficiencyCalibration(models, hardware),
                    Today = Offers.Today,
                    Top = top,
                }));
}
