using System.Globalization;
using System.Text.Json;
using Marketplace.Application.Listings.Input;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Vocabulary;
using Marketplace.Portal.Services;

namespace Marketplace.Portal.Components.Listings;

/// <summary>
/// The listing editor's working copy: what the partner types, including prices in major units,
/// turned into exactly the <see cref="ListingInput"/> fields of its kind when saved.
/// </summary>
public sealed class ListingForm
{
    public ListingKind Kind { get; set; }

    public string? Name { get; set; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public IReadOnlyList<string> Industries { get; set; } = [];

    public IReadOnlyList<string> Regions { get; set; } = [];

    public IReadOnlyList<string> Tags { get; set; } = [];

    public IReadOnlyList<string> Sources { get; set; } = [];

    // Model
    public string? Task { get; set; }

    public string? Modality { get; set; }

    public string? License { get; set; }

    public long? ParameterCount { get; set; }

    public string? Precision { get; set; }

    public int? MemoryFootprintMb { get; set; }

    public List<DeploymentOption> Deployment { get; set; } = [];

    public string? Adapter { get; set; }

    public double? FlopsPerInference { get; set; }

    public int? DecoderLayers { get; set; }

    public int? DecoderKvHeads { get; set; }

    public int? DecoderHeadDim { get; set; }

    public int? DecoderContextLength { get; set; }

    public List<TensorRow> Inputs { get; set; } = [];

    public List<TensorRow> Outputs { get; set; } = [];

    // Integrator
    public IReadOnlyList<string> Capabilities { get; set; } = [];

    public IReadOnlyList<string> CertifiedModelIds { get; set; } = [];

    public IReadOnlyList<string> CertifiedHardwareIds { get; set; } = [];

    public int? DeliveryCapacityPerQuarter { get; set; }

    public int? ProjectDays { get; set; }

    // Integrator and hardware
    public int? LeadTimeWeeks { get; set; }

    // Hardware
    public string? AcceleratorType { get; set; }

    public int? AcceleratorCount { get; set; }

    public double? MemoryPerAcceleratorGb { get; set; }

    public double? PeakBf16Tflops { get; set; }

    public double? PeakFp16Tflops { get; set; }

    public double? MemoryBandwidthGbps { get; set; }

    public string? Cpu { get; set; }

    public int? RamGb { get; set; }

    public int? PowerWatts { get; set; }

    public string? FormFactor { get; set; }

    // Pricing: amounts as typed, in major units, by price field name ("fixedFeeMinor").
    public string Currency { get; set; } = "USD";

    public Dictionary<string, string?> Prices { get; set; } = [];

    public static ListingForm New(ListingKind kind) => new() { Kind = kind };

    public static ListingForm From(ListingContent c) => new()
    {
        Kind = c.Kind,
        Name = c.Name,
        Summary = c.Summary,
        Description = c.Description,
        Industries = c.Industries,
        Regions = c.Regions,
        Tags = c.Tags,
        Sources = c.Sources,
        Task = c.Model?.Task,
        Modality = c.Model?.Modality,
        License = c.Model?.License,
        ParameterCount = c.Model?.ParameterCount,
        Precision = c.Model?.Precision,
        MemoryFootprintMb = c.Model?.MemoryFootprintMb,
        Deployment = c.Model?.Deployment.ToList() ?? [],
        Adapter = c.Model?.Adapter,
        FlopsPerInference = c.Model?.FlopsPerInference,
        DecoderLayers = c.Model?.Decoder?.Layers,
        DecoderKvHeads = c.Model?.Decoder?.KvHeads,
        DecoderHeadDim = c.Model?.Decoder?.HeadDim,
        DecoderContextLength = c.Model?.Decoder?.ContextLength,
        Inputs = c.Model?.Inputs.Select(TensorRow.From).ToList() ?? [],
        Outputs = c.Model?.Outputs.Select(TensorRow.From).ToList() ?? [],
        Capabilities = c.Integrator?.Capabilities ?? [],
        CertifiedModelIds = c.Integrator?.CertifiedModelIds ?? [],
        CertifiedHardwareIds = c.Integrator?.CertifiedHardwareIds ?? [],
        DeliveryCapacityPerQuarter = c.Integrator?.DeliveryCapacityPerQuarter,
        ProjectDays = c.Integrator?.ProjectDays,
        LeadTimeWeeks = c.Integrator?.LeadTimeWeeks ?? c.Hardware?.LeadTimeWeeks,
        AcceleratorType = c.Hardware?.AcceleratorType,
        AcceleratorCount = c.Hardware?.AcceleratorCount,
        MemoryPerAcceleratorGb = c.Hardware?.MemoryPerAcceleratorGb,
        PeakBf16Tflops = c.Hardware?.PeakBf16Tflops,
        PeakFp16Tflops = c.Hardware?.PeakFp16Tflops,
        MemoryBandwidthGbps = c.Hardware?.MemoryBandwidthGbps,
        Cpu = c.Hardware?.Cpu,
        RamGb = c.Hardware?.RamGb,
        PowerWatts = c.Hardware?.PowerWatts,
        FormFactor = c.Hardware?.FormFactor,
        Currency = c.Pricing.Currency,
        Prices = c.Pricing.Fields()
            .Where(f => f.Minor is not null)
            .ToDictionary(f => f.Field, f => (string?)MajorUnits.ToText(f.Minor!.Value, c.Pricing.Currency)),
    };

    /// <summary>The price fields this kind uses, in display order.</summary>
    public IReadOnlyList<string> PriceFields =>
        [.. new ListingPricing { Currency = Currency }.Fields().Select(f => f.Field).Where(ListingPricing.FieldsFor(Kind).Contains)];

    /// <summary>
    /// The request carrying this form, or null when something typed cannot be sent as it is (an
    /// amount that needs rounding, a tensor shape that is not numbers); <paramref name="errors"/> says what.
    /// </summary>
    public T? ToRequest<T>(FieldErrors errors)
        where T : ListingInput, new()
    {
        var prices = new Dictionary<string, long?>();
        foreach (var field in PriceFields)
        {
            var parsed = MajorUnits.Parse(Prices.GetValueOrDefault(field), Currency);
            if (parsed.Error is not null)
            {
                errors.Add("pricing." + field, parsed.Error);
            }
            prices[field] = parsed.Minor;
        }
        var model = Kind == ListingKind.Model;
        var integrator = Kind == ListingKind.Integrator;
        var hardware = Kind == ListingKind.Hardware;
        var inputs = model ? Tensors(Inputs, "inputs", errors) : null;
        var outputs = model ? Tensors(Outputs, "outputs", errors) : null;
        if (errors.Any)
        {
            return null;
        }
        return new T
        {
            Kind = Kind,
            Name = Blank(Name),
            Summary = Blank(Summary),
            Description = Blank(Description),
            Industries = Industries,
            Regions = Regions,
            Tags = Tags,
            Sources = Sources,
            Pricing = new PricingInput
            {
                Currency = Currency,
                Per1kInferencesMinor = prices.GetValueOrDefault("per1kInferencesMinor"),
                MonthlyMinor = prices.GetValueOrDefault("monthlyMinor"),
                OnPremLicenseMinor = prices.GetValueOrDefault("onPremLicenseMinor"),
                FixedFeeMinor = prices.GetValueOrDefault("fixedFeeMinor"),
                DayRateMinor = prices.GetValueOrDefault("dayRateMinor"),
                MonthlySupportMinor = prices.GetValueOrDefault("monthlySupportMinor"),
                PurchasePriceMinor = prices.GetValueOrDefault("purchasePriceMinor"),
                MonthlyLeaseMinor = prices.GetValueOrDefault("monthlyLeaseMinor"),
            },
            // Fields of another kind stay null: the API refuses them by name.
            Task = model ? Blank(Task) : null,
            Modality = model ? Blank(Modality) : null,
            License = model ? Blank(License) : null,
            ParameterCount = model ? ParameterCount : null,
            Precision = model ? Blank(Precision) : null,
            MemoryFootprintMb = model ? MemoryFootprintMb : null,
            Deployment = model ? Deployment : null,
            Adapter = model ? Blank(Adapter) : null,
            FlopsPerInference = model ? FlopsPerInference : null,
            Decoder = model && Task == ModelTasks.TextGeneration && DecoderLayers is { } layers && DecoderKvHeads is { } kv && DecoderHeadDim is { } head && DecoderContextLength is { } context
                ? new DecoderShape(layers, kv, head, context)
                : null,
            Inputs = inputs,
            Outputs = outputs,
            Capabilities = integrator ? Capabilities : null,
            CertifiedModelIds = integrator ? CertifiedModelIds : null,
            CertifiedHardwareIds = integrator ? CertifiedHardwareIds : null,
            DeliveryCapacityPerQuarter = integrator ? DeliveryCapacityPerQuarter : null,
            ProjectDays = integrator ? ProjectDays : null,
            LeadTimeWeeks = model ? null : LeadTimeWeeks,
            AcceleratorType = hardware ? Blank(AcceleratorType) : null,
            AcceleratorCount = hardware ? AcceleratorCount : null,
            MemoryPerAcceleratorGb = hardware ? MemoryPerAcceleratorGb : null,
            PeakBf16Tflops = hardware ? PeakBf16Tflops : null,
            PeakFp16Tflops = hardware ? PeakFp16Tflops : null,
            MemoryBandwidthGbps = hardware ? MemoryBandwidthGbps : null,
            Cpu = hardware ? Blank(Cpu) : null,
            RamGb = hardware ? RamGb : null,
            PowerWatts = hardware ? PowerWatts : null,
            FormFactor = hardware ? Blank(FormFactor) : null,
        };
    }

    /// <summary>A snapshot of everything typed, to tell whether there are unsaved changes.</summary>
    public string Fingerprint() => JsonSerializer.Serialize(this);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<TensorSpec> Tensors(List<TensorRow> rows, string field, FieldErrors errors)
    {
        var specs = new List<TensorSpec>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (TensorRow.ParseShape(rows[i].Shape) is { } shape)
            {
                specs.Add(new TensorSpec(rows[i].Name?.Trim() ?? "", rows[i].ElementType ?? "", shape));
            }
            else
            {
                errors.Add($"{field}[{i}].shape", $"Shape of '{rows[i].Name}' must be numbers separated by commas, -1 for a dynamic dimension (e.g. -1, 384).");
            }
        }
        return specs;
    }
}

/// <summary>One declared tensor as typed: the shape as text ("-1, 3, 224, 224").</summary>
public sealed class TensorRow
{
    public string? Name { get; set; }

    public string? ElementType { get; set; } = "float32";

    public string? Shape { get; set; }

    public static TensorRow From(TensorSpec spec) => new()
    {
        Name = spec.Name,
        ElementType = spec.ElementType,
        Shape = string.Join(", ", spec.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture))),
    };

    public static List<long>? ParseShape(string? text)
    {
        var shape = new List<long>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var dimension))
            {
                return null;
            }
            shape.Add(dimension);
        }
        return shape;
    }
}
