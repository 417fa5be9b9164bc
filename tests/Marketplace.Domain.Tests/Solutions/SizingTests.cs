using Marketplace.Domain.Solutions;

namespace Marketplace.Domain.Tests.Solutions;

public sealed class SizingTests
{
    [Fact]
    public void A_measured_benchmark_on_the_same_accelerator_beats_the_estimate()
    {
        // Batched: 16 in flight at 800/s is 20 ms each, inside the 100 ms target.
        var model = Offers.Encoder(measured: new MeasuredThroughput("NVIDIA L4", Batch1PerSecond: 300, BatchedPerSecond: 800, BatchedConcurrency: 16, P50Ms: 3, P99Ms: 6));

        var sizing = Sizer.Size(model, Offers.TwoL4(), Offers.Requirements(), EfficiencyCalibration.None).Sizing!;

        Assert.Equal(SizingBasis.Measured, sizing.Basis);
        Assert.Equal(1600, sizing.PerServerPerSecond);
        Assert.Equal(20, sizing.LatencyMs, precision: 9);
        Assert.Null(sizing.EfficiencyFactor);
    }

    [Fact]
    public void A_measurement_on_another_accelerator_does_not_count_and_the_estimate_is_derated_by_its_stated_factor()
    {
        var model = Offers.Encoder(weightBytes: 100e6, flops: 2e9, measured: new MeasuredThroughput("NVIDIA H100", 3000, null, null, 0.3, 0.5));

        var sizing = Sizer.Size(model, Offers.TwoL4(), Offers.Requirements(), EfficiencyCalibration.None).Sizing!;

        // One L4: compute 121e12 / 2e9 = 60,500/s; memory 300e9 / 100e6 = 3,000/s: memory-bound.
        // Derated by the default 0.25: 750/s per accelerator, 1,500/s for the server of two.
        Assert.Equal(SizingBasis.Estimated, sizing.Basis);
        Assert.Equal(EfficiencyCalibration.Default, sizing.EfficiencyFactor);
        Assert.Equal(1500, sizing.PerServerPerSecond, precision: 6);
        Assert.Equal(Bounds.MemoryBandwidth, sizing.BoundBy);
        Assert.Contains("conservative default", sizing.EfficiencySource);
    }

    [Fact]
    public void The_factor_is_calibrated_from_what_the_sandbox_measured_against_the_same_devices_roofline()
    {
        var measured = Offers.Encoder("lst_measured", measured: new MeasuredThroughput("NVIDIA L4", Batch1PerSecond: 600, null, null, 1, 2));
        var unmeasured = Offers.Encoder("lst_unmeasured");
        var calibration = new EfficiencyCalibration([measured, unmeasured], [Offers.TwoL4()]);

        var sizing = Sizer.Size(unmeasured, Offers.TwoH100(), Offers.Requirements(), calibration).Sizing!;

        // 600 measured ÷ 3,000 roofline on one L4 = 0.2, applied to the H100's memory roof 33,500/s × 2.
        Assert.Equal(0.2, sizing.EfficiencyFactor!.Value, precision: 9);
        Assert.Equal(33_500 * 0.2 * 2, sizing.PerServerPerSecond, precision: 6);
        Assert.Contains("text-embedding", sizing.EfficiencySource);
    }

    [Fact]
    public void A_70B_model_in_bf16_does_not_fit_two_L4s()
    {
        var result = Sizer.Size(Offers.Decoder70B(), Offers.TwoL4(), Offers.Requirements("text-generation", 1, 60_000), EfficiencyCalibration.None);

        Assert.Null(result.Sizing);
        Assert.StartsWith("its weights (140 GB) do not fit one server's memory (48 GB, 43.2 GB after 10 % headroom)", result.Refusal);
    }

    [Fact]
    public void A_70B_model_in_bf16_fits_eight_H200s_with_room_for_its_KV_cache()
    {
        var requirements = Offers.Requirements("text-generation", rps: 2, latencyMs: 30_000) with { InputTokens = 2000, OutputTokens = 500 };

        var sizing = Sizer.Size(Offers.Decoder70B(), Offers.EightH200(), requirements, EfficiencyCalibration.None).Sizing!;

        // KV per token: 2 × 80 × 8 × 128 × 2 bytes = 327,680; a 2,500-token request holds 819.2 MB.
        var kvPerRequest = 327_680.0 * 2500;
        Assert.True(sizing.Batch >= 2);
        Assert.Equal(140e9 + (sizing.Batch!.Value * kvPerRequest), sizing.MemoryBytes, precision: 0);
        Assert.True(sizing.MemoryBytes <= 8 * 141e9 * 0.9);
        Assert.True(sizing.LatencyMs <= 30_000);
        Assert.Equal(sizing.PerServerPerSecond * 500, sizing.OutputTokensPerSecond!.Value, precision: 6);
    }

    [Fact]
    public void A_server_that_holds_the_weights_but_not_the_KV_cache_is_refused_with_that_reason()
    {
        // 2 × 80 GB = 160 GB, 144 GB usable: 140 GB of weights leave 4 GB, less than the 5.24 GB
        // one 16,000-token request needs.
        var requirements = Offers.Requirements("text-generation", rps: 1, latencyMs: 600_000) with { InputTokens = 12_000, OutputTokens = 4_000 };

        var result = Sizer.Size(Offers.Decoder70B(), Offers.TwoH100(), requirements, EfficiencyCalibration.None);

        Assert.Null(result.Sizing);
        Assert.Equal("it holds the weights (140 GB) but not the KV cache of one 16,000-token request (5.2 GB) in 144 GB of usable memory", result.Refusal);
    }

    [Fact]
    public void The_KV_cache_of_the_requests_decoding_together_limits_the_batch_before_the_latency_target_does()
    {
        // On 2 × H100, 4 GB free holds ~12 requests of 1,024 tokens; a generous target would allow more.
        var requirements = Offers.Requirements("text-generation", rps: 1, latencyMs: 600_000) with { InputTokens = 512, OutputTokens = 512 };

        var sizing = Sizer.Size(Offers.Decoder70B(), Offers.TwoH100(), requirements, EfficiencyCalibration.None).Sizing!;

        Assert.Equal(Bounds.KvCache, sizing.BoundBy);
        Assert.Equal((int)Math.Floor((144e9 - 140e9) / (327_680.0 * 1024)), sizing.Batch);
    }

    [Fact]
    public void A_request_longer_than_the_context_is_refused()
    {
        var requirements = Offers.Requirements("text-generation", 1, 60_000) with { InputTokens = 130_000, OutputTokens = 2_000 };

        Assert.Equal("a request of 132,000 tokens exceeds its context of 131,072", Sizer.Size(Offers.Decoder70B(), Offers.EightH200(), requirements, EfficiencyCalibration.None).Refusal);
    }
}
