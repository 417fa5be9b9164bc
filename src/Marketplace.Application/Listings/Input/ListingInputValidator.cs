using FluentValidation;
using Marketplace.Application.Catalog;
using Marketplace.Application.Common.Validation;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Money;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Application.Listings.Input;

/// <summary>
/// Shape and format of a listing body, for create and update alike. Completeness is judged later,
/// at submission, by <see cref="ListingChecks"/>, so partners can save unfinished drafts.
/// </summary>
public abstract class ListingInputValidator<T> : AbstractValidator<T>
    where T : ListingInput
{
    protected ListingInputValidator(IndustryCatalog industries)
    {
        RuleFor(i => i.Kind).NotNull().IsInEnum();
        RuleFor(i => i.Name).NotEmpty().MaximumLength(120);
        RuleFor(i => i.Summary).MaximumLength(300);
        RuleFor(i => i.Description).MaximumLength(5000);
        RuleFor(i => i.Industries).Must(l => l is null || l.Count <= 20).WithMessage("At most 20 industries.");
        RuleForEach(i => i.Industries).Must(CommonRules.IsSlug).WithMessage("'{PropertyValue}' is not an industry id (lower-case letters, digits, '-').")
            .Must(industries.Accepts).WithMessage("'{PropertyValue}' is not an industry of this catalog.");
        RuleFor(i => i.Regions).Must(l => l is null || l.Count <= 60).WithMessage("At most 60 regions.");
        RuleForEach(i => i.Regions).Must(r => Regions.Normalize(r) is not null)
            .WithMessage("'{PropertyValue}' is not GLOBAL or an ISO 3166-1 alpha-2 country code.");
        RuleFor(i => i.Tags).Must(l => l is null || l.Count <= 20).WithMessage("At most 20 tags.");
        RuleForEach(i => i.Tags).Must(t => CommonRules.IsSlug(t?.Trim().ToLowerInvariant())).WithMessage("'{PropertyValue}' is not a tag (letters, digits, '-').");
        RuleForEach(i => i.Sources).NotEmpty().MaximumLength(500);
        RuleFor(i => i.Pricing!).SetValidator(i => new PricingValidator(i.Kind)).When(i => i.Pricing is not null);

        When(i => i.Kind == ListingKind.Model, ModelRules).Otherwise(() => OnlyFor(ListingKind.Model,
            (nameof(ListingInput.Task), i => i.Task), (nameof(ListingInput.Modality), i => i.Modality), (nameof(ListingInput.License), i => i.License),
            (nameof(ListingInput.ParameterCount), i => i.ParameterCount), (nameof(ListingInput.Precision), i => i.Precision),
            (nameof(ListingInput.Inputs), i => i.Inputs), (nameof(ListingInput.Outputs), i => i.Outputs),
            (nameof(ListingInput.MemoryFootprintMb), i => i.MemoryFootprintMb), (nameof(ListingInput.Deployment), i => i.Deployment),
            (nameof(ListingInput.Adapter), i => i.Adapter), (nameof(ListingInput.FlopsPerInference), i => i.FlopsPerInference),
            (nameof(ListingInput.Decoder), i => i.Decoder)));

        When(i => i.Kind == ListingKind.Integrator, IntegratorRules).Otherwise(() => OnlyFor(ListingKind.Integrator,
            (nameof(ListingInput.Capabilities), i => i.Capabilities), (nameof(ListingInput.CertifiedModelIds), i => i.CertifiedModelIds),
            (nameof(ListingInput.CertifiedHardwareIds), i => i.CertifiedHardwareIds), (nameof(ListingInput.DeliveryCapacityPerQuarter), i => i.DeliveryCapacityPerQuarter),
            (nameof(ListingInput.ProjectDays), i => i.ProjectDays)));

        When(i => i.Kind == ListingKind.Hardware, HardwareRules).Otherwise(() => OnlyFor(ListingKind.Hardware,
            (nameof(ListingInput.AcceleratorType), i => i.AcceleratorType), (nameof(ListingInput.AcceleratorCount), i => i.AcceleratorCount),
            (nameof(ListingInput.MemoryPerAcceleratorGb), i => i.MemoryPerAcceleratorGb), (nameof(ListingInput.PeakBf16Tflops), i => i.PeakBf16Tflops),
            (nameof(ListingInput.PeakFp16Tflops), i => i.PeakFp16Tflops), (nameof(ListingInput.MemoryBandwidthGbps), i => i.MemoryBandwidthGbps),
            (nameof(ListingInput.Cpu), i => i.Cpu), (nameof(ListingInput.RamGb), i => i.RamGb), (nameof(ListingInput.PowerWatts), i => i.PowerWatts),
            (nameof(ListingInput.FormFactor), i => i.FormFactor)));

        RuleFor(i => i.LeadTimeWeeks).InclusiveBetween(0, 104);
        RuleFor(i => i.LeadTimeWeeks).Null().When(i => i.Kind == ListingKind.Model).WithMessage("'leadTimeWeeks' applies to Integrator and Hardware listings only.");
    }

    private void ModelRules()
    {
        RuleFor(i => i.Task).NotEmpty().Must(ModelTasks.All.Contains).WithMessage($"'task' must be {ModelTasks.All.OneOf}.");
        RuleFor(i => i.Modality).NotEmpty().Must(Modalities.All.Contains).WithMessage($"'modality' must be {Modalities.All.OneOf}.");
        RuleFor(i => i.License).NotEmpty().MaximumLength(60).Matches("^[A-Za-z0-9][A-Za-z0-9.+-]*$").WithMessage("'license' must be a licence id such as apache-2.0.");
        RuleFor(i => i.ParameterCount).GreaterThan(0).LessThan(10_000_000_000_000);
        RuleFor(i => i.Precision).Must(p => p is null || Precisions.All.Contains(p)).WithMessage($"'precision' must be {Precisions.All.OneOf}.");
        RuleFor(i => i.MemoryFootprintMb).GreaterThan(0).LessThan(10_000_000);
        RuleForEach(i => i.Deployment).IsInEnum();
        RuleFor(i => i.Adapter).Must(a => a is null || ModelAdapters.All.Contains(a)).WithMessage($"'adapter' must be {ModelAdapters.All.OneOf}.");
        RuleFor(i => i.FlopsPerInference).GreaterThan(0);
        RuleFor(i => i.Decoder!).SetValidator(new DecoderValidator()).When(i => i.Decoder is not null);
        RuleFor(i => i.Decoder).Null().When(i => i.Decoder is not null && ModelTasks.All.Normalize(i.Task) is { } task && task != ModelTasks.TextGeneration)
            .WithMessage("'decoder' describes text-generation models only.");
        RuleFor(i => i.EndOfSequenceId).GreaterThanOrEqualTo(0);
        RuleFor(i => i.SpecialTokens).Must(t => t is null || (t.Count <= 256 && t.All(p => p.Key.Length is > 0 and <= 64 && p.Value >= 0)))
            .WithMessage("'specialTokens' maps at most 256 tokens of 1 to 64 characters to non-negative ids.");
        RuleFor(i => i).Must(i => (i.EndOfSequenceId is null && i.SpecialTokens is null) || ModelTasks.All.Normalize(i.Task) == ModelTasks.TextGeneration)
            .OverridePropertyName("endOfSequenceId").WithMessage("'endOfSequenceId' and 'specialTokens' apply to text-generation models only.");
        RuleForEach(i => i.Inputs).SetValidator(new TensorSpecValidator());
        RuleForEach(i => i.Outputs).SetValidator(new TensorSpecValidator());
    }

    private void IntegratorRules()
    {
        RuleFor(i => i.Capabilities).Must(l => l is null || l.Count <= 20).WithMessage("At most 20 capabilities.");
        RuleForEach(i => i.Capabilities).Must(c => CommonRules.IsSlug(c?.Trim().ToLowerInvariant())).WithMessage("'{PropertyValue}' is not a capability id (letters, digits, '-').");
        RuleForEach(i => i.CertifiedModelIds).Must(id => Identifiers.LooksLike(id, "lst")).WithMessage("'{PropertyValue}' is not a listing id.");
        RuleForEach(i => i.CertifiedHardwareIds).Must(id => Identifiers.LooksLike(id, "lst")).WithMessage("'{PropertyValue}' is not a listing id.");
        RuleFor(i => i.DeliveryCapacityPerQuarter).InclusiveBetween(0, 10_000);
        RuleFor(i => i.ProjectDays).InclusiveBetween(1, 1000);
    }

    private void HardwareRules()
    {
        RuleFor(i => i.AcceleratorType).NotEmpty().MaximumLength(80);
        RuleFor(i => i.AcceleratorCount).InclusiveBetween(0, 64);
        RuleFor(i => i.MemoryPerAcceleratorGb).InclusiveBetween(0, 4096);
        RuleFor(i => i.PeakBf16Tflops).InclusiveBetween(0, 100_000);
        RuleFor(i => i.PeakFp16Tflops).InclusiveBetween(0, 100_000);
        RuleFor(i => i.MemoryBandwidthGbps).InclusiveBetween(0, 1_000_000);
        RuleFor(i => i.Cpu).MaximumLength(120);
        RuleFor(i => i.RamGb).InclusiveBetween(0, 1_048_576);
        RuleFor(i => i.PowerWatts).InclusiveBetween(0, 1_000_000);
        RuleFor(i => i.FormFactor).MaximumLength(60);
    }

    /// <summary>Fields of another kind are refused by name rather than dropped without a word.</summary>
    private void OnlyFor(ListingKind kind, params (string Name, Func<T, object?> Value)[] fields)
    {
        foreach (var (name, value) in fields)
        {
            var json = FieldNames.ToJsonPath(name);
            RuleFor(i => value(i)).Null().OverridePropertyName(json)
                .WithMessage($"'{json}' applies to {kind} listings only.");
        }
    }

    private sealed class DecoderValidator : AbstractValidator<DecoderShape>
    {
        public DecoderValidator()
        {
            RuleFor(d => d.Layers).InclusiveBetween(1, 1000);
            RuleFor(d => d.KvHeads).InclusiveBetween(1, 1000);
            RuleFor(d => d.HeadDim).InclusiveBetween(1, 4096);
            RuleFor(d => d.ContextLength).InclusiveBetween(1, 100_000_000);
        }
    }

    private sealed class TensorSpecValidator : AbstractValidator<TensorSpec>
    {
        public TensorSpecValidator()
        {
            RuleFor(t => t.Name).NotEmpty().MaximumLength(200);
            RuleFor(t => t.ElementType).Must(e => TensorElementTypes.All.Values.Contains(e)).WithMessage($"'elementType' must be {TensorElementTypes.All.OneOf}.");
            RuleFor(t => t.Shape).NotNull().Must(s => s is null || (s.Count <= 8 && s.All(d => d == -1 || d > 0)))
                .WithMessage("'shape' has at most 8 dimensions, each positive or -1 (dynamic).");
        }
    }

    private sealed class PricingValidator : AbstractValidator<PricingInput>
    {
        public PricingValidator(ListingKind? kind)
        {
            RuleFor(p => p.Currency).NotEmpty().Must(c => Currency.IsSupported(c?.Trim().ToUpperInvariant()))
                .WithMessage($"'currency' must be one of {string.Join(", ", Currency.Supported)}.");
            var applicable = kind is { } k ? ListingPricing.FieldsFor(k) : null;
            foreach (var (name, value) in Amounts)
            {
                var json = FieldNames.ToJsonPath(name);
                RuleFor(p => value(p)).InclusiveBetween(0, 10_000_000_000_000).OverridePropertyName(json);
                if (applicable is not null && !applicable.Contains(json))
                {
                    RuleFor(p => value(p)).Null().OverridePropertyName(json)
                        .WithMessage($"'{json}' does not apply to {kind} listings (use {string.Join(", ", applicable)}).");
                }
            }
        }

        private static readonly (string, Func<PricingInput, long?>)[] Amounts =
        [
            (nameof(PricingInput.Per1kInferencesMinor), p => p.Per1kInferencesMinor),
            (nameof(PricingInput.MonthlyMinor), p => p.MonthlyMinor),
            (nameof(PricingInput.OnPremLicenseMinor), p => p.OnPremLicenseMinor),
            (nameof(PricingInput.FixedFeeMinor), p => p.FixedFeeMinor),
            (nameof(PricingInput.DayRateMinor), p => p.DayRateMinor),
            (nameof(PricingInput.MonthlySupportMinor), p => p.MonthlySupportMinor),
            (nameof(PricingInput.PurchasePriceMinor), p => p.PurchasePriceMinor),
            (nameof(PricingInput.MonthlyLeaseMinor), p => p.MonthlyLeaseMinor),
        ];
    }
}
