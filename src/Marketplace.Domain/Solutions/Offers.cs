using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Solutions;

/// <summary>
/// A throughput figure measured in the sandbox for one model file on one device class (one
/// accelerator, or the CPU of a CPU-only server).
/// </summary>
public sealed record MeasuredThroughput(string DeviceName, double Batch1PerSecond, double? BatchedPerSecond, int? BatchedConcurrency, double P50Ms, double P99Ms)
{
    public double MaxPerSecond => Math.Max(Batch1PerSecond, BatchedPerSecond ?? 0);
}

/// <summary>A published model listing as the configurator reads it.</summary>
public sealed record ModelOffer
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string PartnerId { get; init; }

    public required string Version { get; init; }

    public required string Task { get; init; }

    public IReadOnlyList<DeploymentOption> Deployments { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    public required long ParameterCount { get; init; }

    /// <summary>Bytes of weights as served (parameters × bytes per parameter at the listed precision).</summary>
    public required double WeightBytes { get; init; }

    /// <summary>FLOPs of one inference (one generated token for decoders) at batch 1.</summary>
    public required double FlopsPerInference { get; init; }

    /// <summary>Bytes per element of activations and KV cache (the serving precision, at least 1).</summary>
    public double ElementBytes { get; init; } = 2;

    public DecoderShape? Decoder { get; init; }

    public required ListingPricing Pricing { get; init; }

    public IReadOnlyList<MeasuredThroughput> Measured { get; init; } = [];

    public bool Generates => Decoder is not null;
}

/// <summary>A published integrator offering as the configurator reads it.</summary>
public sealed record IntegratorOffer
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string PartnerId { get; init; }

    public required string Version { get; init; }

    public IReadOnlyList<string> Industries { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Models it is certified to deliver; empty means it delivers any.</summary>
    public IReadOnlyList<string> CertifiedModelIds { get; init; } = [];

    /// <summary>Hardware it is certified to deliver on; empty means any.</summary>
    public IReadOnlyList<string> CertifiedHardwareIds { get; init; } = [];

    public int? LeadTimeWeeks { get; init; }

    /// <summary>Days of work a deployment takes, billed at the day rate.</summary>
    public int ProjectDays { get; init; } = IntegratorSpec.DefaultProjectDays;

    public required ListingPricing Pricing { get; init; }
}

/// <summary>A published hardware offering (one server) as the configurator reads it.</summary>
public sealed record HardwareOffer
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string PartnerId { get; init; }

    public required string Version { get; init; }

    public required HardwareSpec Spec { get; init; }

    public IReadOnlyList<string> Regions { get; init; } = [];

    public required ListingPricing Pricing { get; init; }

    /// <summary>The customer's own accelerators: sized onto, never priced.</summary>
    public bool Owned { get; init; }

    /// <summary>For owned hardware, how many servers' worth of accelerators the customer has.</summary>
    public int? AvailableServers { get; init; }

    /// <summary>Accelerators in one server (a CPU-only server counts as one device).</summary>
    public int Devices => Math.Max(1, Spec.AcceleratorCount);

    public double MemoryBytes => Spec.AcceleratorCount > 0
        ? Spec.AcceleratorCount * Spec.MemoryPerAcceleratorGb * 1e9
        : (Spec.RamGb ?? 0) * 1e9;

    /// <summary>The device a measurement must have run on to count for this offering.</summary>
    public string DeviceName => Spec.AcceleratorCount == 0 ? Spec.Cpu ?? "" : Spec.AcceleratorType;
}
