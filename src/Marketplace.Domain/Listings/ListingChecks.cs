using Marketplace.Domain.Money;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Domain.Listings;

/// <summary>
/// Automated checks run when a listing is submitted: completeness (can a buyer decide from this?)
/// and pricing sanity (is the price usable and plausible?). Errors block submission; warnings go
/// to the reviewer. Every result names the field it concerns.
/// </summary>
public static class ListingChecks
{
    private const int MinSummaryLength = 20;

    public static IReadOnlyList<CheckResult> Run(ListingContent content, ModelArtifact? artifact = null)
    {
        var results = new List<CheckResult>();
        Completeness(content, results);
        Pricing(content, results);
        if (content.Kind == ListingKind.Model)
        {
            Artifact(content, artifact, results);
        }
        return results;
    }

    /// <summary>
    /// A model may be listed without a sandbox file (large models are often trialled by the
    /// vendor), but a file that failed validation never goes to review.
    /// </summary>
    private static void Artifact(ListingContent c, ModelArtifact? artifact, List<CheckResult> r)
    {
        if (c.Model?.Adapter == ModelAdapters.Generate)
        {
            Generation(artifact, r);
            return;
        }
        if (artifact is null)
        {
            Advise(r, "artifact.present", false, "No ONNX file: buyers cannot try this model in the sandbox.", "artifact");
            return;
        }
        Require(r, "artifact.valid", artifact.IsValid,
            artifact.IsValid ? "The ONNX file passed validation." : "The ONNX file failed validation: " + string.Join("; ", artifact.Reasons), "artifact");
        if (c.Model?.Adapter == ModelAdapters.Text)
        {
            Advise(r, "artifact.vocabulary", artifact.VocabularySha256 is not null, "Text models need their vocabulary (vocab.txt) for trials.", "vocabulary");
        }
    }

    /// <summary>
    /// A text-generation model is listed to be tried: it needs a file the validator recognised as a
    /// decoder with a KV cache, and the tokenizer its prompts go through, whose ids the decoder's
    /// logits cover.
    /// </summary>
    private static void Generation(ModelArtifact? artifact, List<CheckResult> r)
    {
        Require(r, "artifact.valid", artifact is { IsValid: true },
            artifact is null ? "Text-generation models need their ONNX decoder file (PUT …/artifact)."
            : artifact.IsValid ? "The ONNX file passed validation."
            : "The ONNX file failed validation: " + string.Join("; ", artifact.Reasons), "artifact");
        if (artifact is not { IsValid: true })
        {
            return;
        }
        Require(r, "artifact.decoder", artifact.Decoder is not null,
            artifact.Decoder is null
                ? "The ONNX file is not a decoder with a KV cache (input_ids, attention_mask, past_key_values.* → logits, present.*), so it cannot generate text."
                : "The ONNX file is a decoder with a KV cache.", "artifact");
        Require(r, "artifact.tokenizer", artifact.Tokenizer is not null,
            "Text-generation models need their tokenizer (vocab.json and merges.txt, or tokenizer.model: PUT …/tokenizer).", "tokenizer");
        if (artifact is { Decoder: { } decoder, Tokenizer: { } tokenizer })
        {
            Require(r, "artifact.tokenizerFits", tokenizer.VocabularySize <= decoder.VocabularySize,
                $"The tokenizer's {tokenizer.VocabularySize} ids fit the decoder's vocabulary of {decoder.VocabularySize}.", "tokenizer");
        }
    }

    public static bool Blocks(IEnumerable<CheckResult> results) =>
        results.Any(r => r is { Passed: false, Severity: CheckSeverity.Error });

    private static void Completeness(ListingContent c, List<CheckResult> r)
    {
        Require(r, "complete.name", !string.IsNullOrWhiteSpace(c.Name), "The listing has a name.", "name");
        Require(r, "complete.summary", c.Summary.Trim().Length >= MinSummaryLength,
            $"The summary says what it is in at least {MinSummaryLength} characters.", "summary");
        // Hardware serves every industry; models and services are chosen by industry.
        var industries = c.Kind == ListingKind.Hardware ? (Action<List<CheckResult>, string, bool, string, string>)Advise : Require;
        industries(r, "complete.industries", c.Industries.Count > 0, "At least one industry is named.", "industries");
        Require(r, "complete.regions", c.Regions.Count > 0, "At least one region is named.", "regions");
        Advise(r, "complete.description", !string.IsNullOrWhiteSpace(c.Description), "A longer description helps buyers compare.", "description");
        switch (c.Kind)
        {
            case ListingKind.Model:
                var m = c.Model;
                Require(r, "complete.model", m is not null, "Model details are present.", "task");
                if (m is null)
                {
                    break;
                }
                Require(r, "complete.model.task", !string.IsNullOrWhiteSpace(m.Task), "The model's task is named.", "task");
                Require(r, "complete.model.license", !string.IsNullOrWhiteSpace(m.License), "The licence is named.", "license");
                Require(r, "complete.model.deployment", m.Deployment.Count > 0, "At least one deployment option (Cloud, Private).", "deployment");
                Advise(r, "complete.model.parameters", m.ParameterCount is > 0, "The parameter count helps sizing.", "parameterCount");
                Advise(r, "complete.model.schema", m.Inputs.Count > 0 && m.Outputs.Count > 0, "Inputs and outputs are declared (the artifact check compares them).", "inputs");
                break;
            case ListingKind.Integrator:
                var i = c.Integrator;
                Require(r, "complete.integrator.capabilities", i is { Capabilities.Count: > 0 }, "At least one capability is named.", "capabilities");
                Advise(r, "complete.integrator.capacity", i?.DeliveryCapacityPerQuarter is > 0, "Delivery capacity per quarter is stated.", "deliveryCapacityPerQuarter");
                Advise(r, "complete.integrator.leadTime", i?.LeadTimeWeeks is >= 0, "Lead time is stated.", "leadTimeWeeks");
                break;
            case ListingKind.Hardware:
                var h = c.Hardware;
                Require(r, "complete.hardware.accelerator", !string.IsNullOrWhiteSpace(h?.AcceleratorType), "The accelerator type is named (\"none\" for CPU-only).", "acceleratorType");
                if (h is null)
                {
                    break;
                }
                var cpuOnly = h.AcceleratorType.Equals("none", StringComparison.OrdinalIgnoreCase);
                Require(r, "complete.hardware.count", cpuOnly ? h.AcceleratorCount == 0 : h.AcceleratorCount > 0, "The accelerator count fits the type.", "acceleratorCount");
                Require(r, "complete.hardware.memory", cpuOnly || h.MemoryPerAcceleratorGb > 0, "Memory per accelerator is stated.", "memoryPerAcceleratorGb");
                Require(r, "complete.hardware.compute", cpuOnly || h.PeakBf16Tflops > 0, "Peak bf16 TFLOPS are stated.", "peakBf16Tflops");
                Require(r, "complete.hardware.bandwidth", h.MemoryBandwidthGbps > 0, "Memory bandwidth is stated.", "memoryBandwidthGbps");
                Advise(r, "complete.hardware.power", h.PowerWatts is > 0, "Power draw is stated (it enters the cost per inference).", "powerWatts");
                break;
        }
    }

    private static void Pricing(ListingContent c, List<CheckResult> r)
    {
        var pricing = c.Pricing;
        Require(r, "pricing.currency", Currency.IsSupported(pricing.Currency), $"The currency is one of {string.Join(", ", Currency.Supported)}.", "pricing.currency");
        var applicable = ListingPricing.FieldsFor(c.Kind);
        var set = pricing.Fields().Where(f => f.Minor is not null).ToList();
        Require(r, "pricing.present", set.Any(f => applicable.Contains(f.Field)), $"At least one of {string.Join(", ", applicable)} is set.", "pricing");
        foreach (var (field, minor) in set)
        {
            Require(r, $"pricing.{field}.positive", minor > 0, $"{field} is a positive amount.", $"pricing.{field}");
            Require(r, $"pricing.{field}.applies", applicable.Contains(field), $"{field} applies to {c.Kind} listings.", $"pricing.{field}");
        }
        if (c.Kind == ListingKind.Hardware && pricing is { PurchasePriceMinor: > 0, MonthlyLeaseMinor: > 0 })
        {
            Advise(r, "pricing.leaseBelowPurchase", pricing.MonthlyLeaseMinor < pricing.PurchasePriceMinor,
                "A month's lease costs less than buying the hardware.", "pricing.monthlyLeaseMinor");
        }
        if (c.Kind == ListingKind.Integrator && pricing is { DayRateMinor: > 0, FixedFeeMinor: > 0 })
        {
            Advise(r, "pricing.dayRateBelowFixedFee", pricing.DayRateMinor < pricing.FixedFeeMinor,
                "One day's rate costs less than the fixed-fee project.", "pricing.dayRateMinor");
        }
        if (c.Kind == ListingKind.Model && pricing.Per1kInferencesMinor is { } per1k && Currency.IsSupported(pricing.Currency))
        {
            // Above 1,000 major units per thousand inferences, a typo (minor vs major units) is likelier than a real price.
            var ceiling = 1000 * (long)Math.Pow(10, Currency.DigitsOf(pricing.Currency));
            Advise(r, "pricing.per1kPlausible", per1k <= ceiling, "The price per 1k inferences is plausible (check minor units).", "pricing.per1kInferencesMinor");
        }
    }

    private static void Require(List<CheckResult> r, string id, bool passed, string message, string field) =>
        r.Add(new CheckResult(id, CheckSeverity.Error, passed, message, field));

    private static void Advise(List<CheckResult> r, string id, bool passed, string message, string field) =>
        r.Add(new CheckResult(id, CheckSeverity.Warning, passed, message, field));
}
