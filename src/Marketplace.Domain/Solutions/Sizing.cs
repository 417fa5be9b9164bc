using Marketplace.Domain.Sandbox;

namespace Marketplace.Domain.Solutions;

public enum SizingBasis
{
    /// <summary>From the sandbox's benchmark of this model file on this device class.</summary>
    Measured,

    /// <summary>From the roofline (peak compute and memory bandwidth), derated by an efficiency factor.</summary>
    Estimated,
}

/// <summary>What limits a model on a server.</summary>
public static class Bounds
{
    public const string Measured = "measured throughput";
    public const string Compute = "compute";
    public const string MemoryBandwidth = "memory bandwidth";
    public const string KvCache = "memory capacity (KV cache)";
}

/// <summary>
/// How much of one role's demand one server carries: requests per second at the latency target,
/// and what that figure rests on. For text generation also tokens per second, time to first token
/// and how many requests decode together.
/// </summary>
public sealed record RoleSizing
{
    public required double PerServerPerSecond { get; init; }

    public required SizingBasis Basis { get; init; }

    public required string BoundBy { get; init; }

    /// <summary>Measured ÷ roofline used to derate an estimate; null for measurements.</summary>
    public double? EfficiencyFactor { get; init; }

    /// <summary>Where <see cref="EfficiencyFactor"/> comes from, in words.</summary>
    public string? EfficiencySource { get; init; }

    /// <summary>Latency of one request at the operating point sized for.</summary>
    public required double LatencyMs { get; init; }

    /// <summary>Memory the model takes on each server: weights, and the KV cache of the requests it decodes at once.</summary>
    public required double MemoryBytes { get; init; }

    public int? Batch { get; init; }

    public double? OutputTokensPerSecond { get; init; }

    public double? TimeToFirstTokenMs { get; init; }
}

/// <summary>
/// A sizing, or why the model cannot run on the server as required. The reason is worded only when
/// someone reads it: a search sizes thousands of pairs and shows a handful of reasons.
/// </summary>
public sealed class SizingResult
{
    private readonly Func<string>? _why;

    public SizingResult(RoleSizing sizing) => Sizing = sizing;

    private SizingResult(Func<string> why) => _why = why;

    public RoleSizing? Sizing { get; }

    public string? Refusal => _why?.Invoke();

    public static SizingResult Refused(Func<string> why) => new(why);
}

/// <summary>
/// Sizes one model on one server (tensor-parallel across the server's accelerators, never across
/// servers). A measurement on the same device class wins; otherwise the roofline ceiling, derated
/// by a calibrated efficiency factor, never the undivided peak. Encoders are bound by compute or
/// memory bandwidth per inference; text generation by compute for the prompt (prefill) and by
/// memory bandwidth over weights plus KV cache for each output token (decode), with the KV cache
/// of every request decoding at once counted against memory.
/// </summary>
public static class Sizer
{
    /// <summary>Memory kept free on a server for activations, runtime and fragmentation.</summary>
    public const double Headroom = 0.10;

    public static SizingResult Size(ModelOffer model, HardwareOffer hardware, SolutionRequirements requirements, EfficiencyCalibration calibration)
    {
        var usable = hardware.MemoryBytes * (1 - Headroom);
        if (model.WeightBytes > usable)
        {
            return SizingResult.Refused(() =>
                $"its weights ({Gb(model.WeightBytes)}) do not fit one server's memory ({Gb(hardware.MemoryBytes)}, {Gb(usable)} after {Headroom:P0} headroom); models are split across one server's accelerators, never across servers");
        }
        return model.Decoder is null
            ? Encoder(model, hardware, requirements, calibration)
            : Decoder(model, hardware, requirements, calibration, usable);
    }

    private static SizingResult Encoder(ModelOffer model, HardwareOffer hardware, SolutionRequirements requirements, EfficiencyCalibration calibration)
    {
        if (MeasurementOn(model, hardware) is { } measured)
        {
            // Little's law: the batched run kept `concurrency` requests in flight.
            if (measured is { BatchedPerSecond: > 0, BatchedConcurrency: > 0 }
                && measured.BatchedConcurrency.Value / measured.BatchedPerSecond.Value * 1000 is var batchedLatency
                && batchedLatency <= requirements.LatencyP95Ms)
            {
                return Measured(measured.BatchedPerSecond.Value, batchedLatency);
            }
            return measured.P99Ms <= requirements.LatencyP95Ms
                ? Measured(measured.Batch1PerSecond, measured.P99Ms)
                : SizingResult.Refused(() => $"measured on {measured.DeviceName}, one request takes {measured.P99Ms:0.#} ms at p99, above the {requirements.LatencyP95Ms:0.#} ms target");
        }
        var (roofline, bound) = RooflineBound.Of(FlopsPerRequest(model, requirements), model.WeightBytes, PeakTflops(hardware), hardware.Spec.MemoryBandwidthGbps);
        var (factor, source) = calibration.For(model);
        var perDevice = roofline * factor;
        var latency = 1000 / perDevice;
        if (latency > requirements.LatencyP95Ms)
        {
            return SizingResult.Refused(() => $"estimated at {latency:0.#} ms a request ({factor:P0} of the {bound}-bound roofline), above the {requirements.LatencyP95Ms:0.#} ms target");
        }
        return new SizingResult(new RoleSizing
        {
            PerServerPerSecond = perDevice * hardware.Devices,
            Basis = SizingBasis.Estimated,
            BoundBy = bound == "compute" ? Bounds.Compute : Bounds.MemoryBandwidth,
            EfficiencyFactor = factor,
            EfficiencySource = source,
            LatencyMs = latency,
            MemoryBytes = model.WeightBytes,
        });

        SizingResult Measured(double perDevice, double latencyMs) => new(new RoleSizing
        {
            PerServerPerSecond = perDevice * hardware.Devices,
            Basis = SizingBasis.Measured,
            BoundBy = Bounds.Measured,
            LatencyMs = latencyMs,
            MemoryBytes = model.WeightBytes,
        });
    }

    private static SizingResult Decoder(ModelOffer model, HardwareOffer hardware, SolutionRequirements requirements, EfficiencyCalibration calibration, double usable)
    {
        var decoder = model.Decoder!;
        var tokens = requirements.InputTokens + requirements.OutputTokens;
        if (tokens > decoder.ContextLength)
        {
            return SizingResult.Refused(() => $"a request of {tokens:N0} tokens exceeds its context of {decoder.ContextLength:N0}");
        }
        var kvPerRequest = decoder.KvBytesPerToken(model.ElementBytes) * tokens;
        var fitting = (int)Math.Min(4096, Math.Floor((usable - model.WeightBytes) / kvPerRequest));
        var flopsPerToken = model.FlopsPerInference > 0 ? model.FlopsPerInference : 2.0 * model.ParameterCount;
        if (fitting < 1)
        {
            return SizingResult.Refused(() =>
                $"it holds the weights ({Gb(model.WeightBytes)}) but not the KV cache of one {tokens:N0}-token request ({Gb(kvPerRequest)}) in {Gb(usable)} of usable memory");
        }
        var (factor, source) = calibration.For(model);
        var peak = PeakTflops(hardware) is { } tflops ? tflops * 1e12 * hardware.Devices * factor : (double?)null;
        var bandwidth = hardware.Spec.MemoryBandwidthGbps * 1e9 * hardware.Devices * factor;
        // Prefill reads the prompt at once (compute); each decode step reads the weights once for the
        // whole batch plus every request's cache (bandwidth), or is compute-bound for large batches.
        var prefillMs = peak is { } p ? requirements.InputTokens * flopsPerToken / p * 1000 : model.WeightBytes / bandwidth * 1000;
        var averageContext = requirements.InputTokens + (requirements.OutputTokens / 2.0);
        var kvPerToken = decoder.KvBytesPerToken(model.ElementBytes);
        (double Ms, bool ComputeBound) Step(int batch)
        {
            var memoryMs = (model.WeightBytes + (batch * averageContext * kvPerToken)) / bandwidth * 1000;
            var computeMs = peak is { } p ? batch * flopsPerToken / p * 1000 : 0;
            return computeMs > memoryMs ? (computeMs, true) : (memoryMs, false);
        }
        double Latency(int batch) => prefillMs + (requirements.OutputTokens * Step(batch).Ms);
        if (Latency(1) > requirements.LatencyP95Ms)
        {
            return SizingResult.Refused(() =>
                $"even alone a request takes an estimated {Latency(1):N0} ms ({prefillMs:0.#} ms prefill + {requirements.OutputTokens} tokens × {Step(1).Ms:0.##} ms), above the {requirements.LatencyP95Ms:N0} ms target");
        }
        // The largest batch that still meets the latency target (latency grows with the batch),
        // then as many of those as the memory left after the weights holds caches for.
        int low = 1, high = 4096;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            (low, high) = Latency(mid) <= requirements.LatencyP95Ms ? (mid, high) : (low, mid - 1);
        }
        var batch = Math.Min(low, fitting);
        var latency = Latency(batch);
        var perServer = batch / (latency / 1000);
        var bound = batch < low ? Bounds.KvCache : Step(batch).ComputeBound ? Bounds.Compute : Bounds.MemoryBandwidth;
        return new SizingResult(new RoleSizing
        {
            PerServerPerSecond = perServer,
            Basis = SizingBasis.Estimated,
            BoundBy = bound,
            EfficiencyFactor = factor,
            EfficiencySource = source,
            LatencyMs = latency,
            MemoryBytes = model.WeightBytes + (batch * kvPerRequest),
            Batch = batch,
            OutputTokensPerSecond = perServer * requirements.OutputTokens,
            TimeToFirstTokenMs = prefillMs,
        });
    }

    /// <summary>FLOPs of one request: the listing's figure, or 2 per parameter per input token for text.</summary>
    public static double FlopsPerRequest(ModelOffer model, SolutionRequirements requirements) =>
        model.FlopsPerInference > 0 ? model.FlopsPerInference : 2.0 * model.ParameterCount * requirements.InputTokens;

    public static double? PeakTflops(HardwareOffer hardware) =>
        hardware.Spec.PeakFp16Tflops ?? (hardware.Spec.PeakBf16Tflops > 0 ? hardware.Spec.PeakBf16Tflops : null);

    /// <summary>A measurement counts for an offering only on the same accelerator (or, for CPU-only servers, the same CPU).</summary>
    public static MeasuredThroughput? MeasurementOn(ModelOffer model, HardwareOffer hardware)
    {
        MeasuredThroughput? best = null;
        foreach (var measured in model.Measured)
        {
            if ((best is null || measured.MaxPerSecond > best.MaxPerSecond) && SameDevice(measured.DeviceName, hardware.DeviceName))
            {
                best = measured;
            }
        }
        return best;
    }

    public static bool SameDevice(string measured, string offered)
    {
        static string Normal(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var a = Normal(measured);
        var b = Normal(offered);
        return a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));
    }

    public static string Gb(double bytes) => $"{bytes / 1e9:0.#} GB";
}
