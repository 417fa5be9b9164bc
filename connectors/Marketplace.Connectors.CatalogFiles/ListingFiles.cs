using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Connectors.CatalogFiles;

internal static class ListingFiles
{
    private static readonly HashSet<string> CommonKeys =
        ["id", "partner", "name", "summary", "description", "industries", "regions", "tags", "pricing", "sources"];

    private static readonly Dictionary<ListingKind, HashSet<string>> KindKeys = new()
    {
        [ListingKind.Model] =
        [
            "task", "modality", "license", "parameterCount", "precision", "memoryFootprintMb", "deployment", "adapter",
            "inputs", "outputs", "flopsPerInference", "artifact", "adapterSettings", "decoder",
        ],
        [ListingKind.Integrator] = ["capabilities", "certifiedModels", "certifiedHardware", "deliveryCapacityPerQuarter", "leadTimeWeeks", "projectDays"],
        [ListingKind.Hardware] =
        [
            "acceleratorType", "acceleratorCount", "memoryPerAcceleratorGb", "peakBf16Tflops", "peakFp16Tflops",
            "memoryBandwidthGbps", "cpu", "ramGb", "powerWatts", "formFactor", "leadTimeWeeks",
        ],
    };

    private static readonly HashSet<string> PricingKeys =
    [
        "currency", "per1kInferencesMinor", "monthlyMinor", "onPremLicenseMinor", "fixedFeeMinor", "dayRateMinor",
        "monthlySupportMinor", "purchasePriceMinor", "monthlyLeaseMinor",
    ];

    public static ReadListing? Read(ReadContext context, string file, YamlFields yaml, ListingKind kind)
    {
        yaml.OnlyKeys(CommonKeys.Concat(KindKeys[kind]).ToHashSet());
        var id = context.Id(file, yaml);
        var partner = yaml.String("partner", required: true, maxLength: 60);
        var name = yaml.String("name", required: true, maxLength: 120);
        var certifiedModels = kind == ListingKind.Integrator ? yaml.Strings("certifiedModels") : [];
        var certifiedHardware = kind == ListingKind.Integrator ? yaml.Strings("certifiedHardware") : [];
        var content = new ListingContent
        {
            Kind = kind,
            Name = name ?? "",
            Summary = yaml.String("summary", required: true, maxLength: 300) ?? "",
            Description = yaml.String("description"),
            Industries = yaml.Strings("industries", required: kind != ListingKind.Hardware),
            Regions = Regions(yaml),
            Tags = yaml.Strings("tags"),
            Sources = yaml.Strings("sources"),
            Pricing = Pricing(yaml.Mapping("pricing", required: true)),
            Model = kind == ListingKind.Model ? Model(yaml) : null,
            Integrator = kind == ListingKind.Integrator ? new IntegratorSpec
            {
                Capabilities = yaml.Strings("capabilities", required: true),
                CertifiedModelIds = certifiedModels.Select(SeedIds.Listing).ToList(),
                CertifiedHardwareIds = certifiedHardware.Select(SeedIds.Listing).ToList(),
                DeliveryCapacityPerQuarter = yaml.Int("deliveryCapacityPerQuarter", max: 10_000),
                ProjectDays = yaml.Int("projectDays", min: 1, max: 1000),
                LeadTimeWeeks = yaml.Int("leadTimeWeeks", max: 104),
            } : null,
            Hardware = kind == ListingKind.Hardware ? Hardware(yaml) : null,
        };
        if (id is null || partner is null || name is null)
        {
            return null;
        }
        foreach (var failed in ListingChecks.Run(content).Where(c => c is { Passed: false, Severity: CheckSeverity.Error }))
        {
            yaml.ErrorAt(failed.Field?.Split('.')[0] ?? "id", $"fails the listing check '{failed.Id}': {failed.Message}");
        }
        var listing = new SeedListing(id, SeedIds.Listing(id), SeedIds.Organization(partner), content, yaml.Path)
        {
            BuiltInArtifact = kind == ListingKind.Model ? BuiltIn(yaml) : null,
        };
        return new ReadListing(listing, file, yaml.Line, partner, certifiedModels, certifiedHardware);
    }

    private static ListingPricing Pricing(YamlFields? yaml)
    {
        if (yaml is null)
        {
            return new ListingPricing { Currency = "USD" };
        }
        yaml.OnlyKeys(PricingKeys);
        var currency = yaml.String("currency", required: true, maxLength: 3) ?? "USD";
        if (!Domain.Money.Currency.IsSupported(currency))
        {
            yaml.ErrorAt("currency", $"must be one of {string.Join(", ", Domain.Money.Currency.Supported)}");
        }
        return new ListingPricing
        {
            Currency = currency,
            Per1kInferencesMinor = yaml.Long("per1kInferencesMinor", min: 1),
            MonthlyMinor = yaml.Long("monthlyMinor", min: 1),
            OnPremLicenseMinor = yaml.Long("onPremLicenseMinor", min: 1),
            FixedFeeMinor = yaml.Long("fixedFeeMinor", min: 1),
            DayRateMinor = yaml.Long("dayRateMinor", min: 1),
            MonthlySupportMinor = yaml.Long("monthlySupportMinor", min: 1),
            PurchasePriceMinor = yaml.Long("purchasePriceMinor", min: 1),
            MonthlyLeaseMinor = yaml.Long("monthlyLeaseMinor", min: 1),
        };
    }

    private static List<string> Regions(YamlFields yaml)
    {
        var regions = new List<string>();
        foreach (var region in yaml.Strings("regions", required: true))
        {
            if (Domain.Vocabulary.Regions.Normalize(region) is { } code)
            {
                regions.Add(code);
            }
            else
            {
                yaml.ErrorAt("regions", $"holds '{region}'; use GLOBAL or an ISO 3166-1 alpha-2 country code");
            }
        }
        return regions;
    }

    private static ModelSpec Model(YamlFields yaml)
    {
        var deployment = new List<DeploymentOption>();
        foreach (var option in yaml.Strings("deployment", required: true))
        {
            if (Enum.TryParse<DeploymentOption>(option, out var parsed))
            {
                deployment.Add(parsed);
            }
            else
            {
                yaml.ErrorAt("deployment", $"holds '{option}'; use Cloud or Private");
            }
        }
        return new ModelSpec
        {
            Task = yaml.Word("task", ModelTasks.All, required: true) ?? "",
            Modality = yaml.Word("modality", Modalities.All, required: true) ?? "",
            License = yaml.String("license", required: true, maxLength: 60) ?? "",
            ParameterCount = yaml.Long("parameterCount", min: 1),
            Precision = yaml.Word("precision", Precisions.All),
            MemoryFootprintMb = yaml.Int("memoryFootprintMb", min: 1),
            Deployment = deployment,
            Adapter = yaml.Word("adapter", ModelAdapters.All),
            Inputs = Tensors(yaml, "inputs"),
            Outputs = Tensors(yaml, "outputs"),
            FlopsPerInference = yaml.Double("flopsPerInference", min: 1),
            AdapterSettings = AdapterSettings(yaml.Mapping("adapterSettings")),
            Decoder = Decoder(yaml.Mapping("decoder")),
        };
    }

    /// <summary>layers, kvHeads, headDim, contextLength: from the model's published configuration.</summary>
    private static DecoderShape? Decoder(YamlFields? yaml)
    {
        if (yaml is null)
        {
            return null;
        }
        yaml.OnlyKeys(new HashSet<string> { "layers", "kvHeads", "headDim", "contextLength" });
        var layers = yaml.Int("layers", required: true, min: 1, max: 1000);
        var kvHeads = yaml.Int("kvHeads", required: true, min: 1, max: 1000);
        var headDim = yaml.Int("headDim", required: true, min: 1, max: 4096);
        var context = yaml.Int("contextLength", required: true, min: 1, max: 100_000_000);
        return layers is null || kvHeads is null || headDim is null || context is null ? null : new DecoderShape(layers.Value, kvHeads.Value, headDim.Value, context.Value);
    }

    private static string? BuiltIn(YamlFields yaml)
    {
        var artifact = yaml.Mapping("artifact");
        if (artifact is null)
        {
            return null;
        }
        artifact.OnlyKeys(new HashSet<string> { "builtin" });
        return artifact.String("builtin", required: true, maxLength: 60);
    }

    private static ModelAdapterSettings? AdapterSettings(YamlFields? yaml)
    {
        if (yaml is null)
        {
            return null;
        }
        yaml.OnlyKeys(new HashSet<string> { "maxTokens", "lowerCase", "imageSize", "mean", "std", "channelOrder", "pixelScale", "output", "outputName", "labels" });
        return new ModelAdapterSettings
        {
            MaxTokens = yaml.Int("maxTokens", min: 8, max: 8192),
            LowerCase = yaml.Bool("lowerCase"),
            ImageSize = yaml.Int("imageSize", min: 8, max: 4096),
            Mean = Floats(yaml, "mean"),
            Std = Floats(yaml, "std"),
            ChannelOrder = yaml.String("channelOrder", maxLength: 3),
            PixelScale = (float?)yaml.Double("pixelScale", min: 0, max: 1),
            Output = yaml.Word("output", ModelOutputs.All),
            OutputName = yaml.String("outputName", maxLength: 200),
            Labels = yaml.Strings("labels") is { Count: > 0 } labels ? labels : null,
        };
    }

    private static List<float>? Floats(YamlFields yaml, string key)
    {
        var values = yaml.Strings(key);
        if (values.Count == 0)
        {
            return null;
        }
        var floats = new List<float>();
        foreach (var value in values)
        {
            if (float.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var f))
            {
                floats.Add(f);
            }
            else
            {
                yaml.ErrorAt(key, $"holds '{value}', which is not a number");
            }
        }
        return floats;
    }

    private static List<TensorSpec> Tensors(YamlFields yaml, string key) =>
        yaml.Mappings(key).Select(t =>
        {
            t.OnlyKeys(new HashSet<string> { "name", "elementType", "shape" });
            var shape = new List<long>();
            foreach (var dimension in t.Strings("shape", required: true))
            {
                if (long.TryParse(dimension, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var d) && (d == -1 || d > 0))
                {
                    shape.Add(d);
                }
                else
                {
                    t.ErrorAt("shape", $"holds '{dimension}'; dimensions are positive or -1 (dynamic)");
                }
            }
            return new TensorSpec(t.String("name", required: true) ?? "", t.Word("elementType", TensorElementTypes.All, required: true) ?? "", shape);
        }).ToList();

    private static HardwareSpec Hardware(YamlFields yaml) => new()
    {
        AcceleratorType = yaml.String("acceleratorType", required: true, maxLength: 80) ?? "",
        AcceleratorCount = yaml.Int("acceleratorCount", required: true, max: 64) ?? 0,
        MemoryPerAcceleratorGb = yaml.Double("memoryPerAcceleratorGb", max: 4096) ?? 0,
        PeakBf16Tflops = yaml.Double("peakBf16Tflops", max: 100_000) ?? 0,
        PeakFp16Tflops = yaml.Double("peakFp16Tflops", max: 100_000),
        MemoryBandwidthGbps = yaml.Double("memoryBandwidthGbps", required: true, max: 1_000_000) ?? 0,
        Cpu = yaml.String("cpu", maxLength: 120),
        RamGb = yaml.Int("ramGb", max: 1_048_576),
        PowerWatts = yaml.Int("powerWatts", max: 1_000_000),
        FormFactor = yaml.String("formFactor", maxLength: 60),
        LeadTimeWeeks = yaml.Int("leadTimeWeeks", max: 104),
    };
}
