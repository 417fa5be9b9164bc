using Marketplace.Domain.Listings;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Domain.Tests.SandboxRules;

public sealed class CostModelTests
{
    private static readonly HardwareSpec Server = new() { AcceleratorType = "NVIDIA L4", AcceleratorCount = 8, PowerWatts = 1000 };

    [Fact]
    public void A_leased_server_costs_its_lease_per_hour_plus_its_power()
    {
        var hourly = CostModel.HourlyMinor(new ListingPricing { Currency = "USD", MonthlyLeaseMinor = 730_000 }, Server, electricityPerKwhMinor: 15);

        // 730,000 cents over 730 hours = 1,000 cents/h; 1 kW × 15 cents/kWh = 15 cents/h.
        Assert.Equal(1_015m, hourly);
    }

    [Fact]
    public void A_bought_server_is_amortised_over_36_months()
    {
        var hourly = CostModel.HourlyMinor(new ListingPricing { Currency = "USD", PurchasePriceMinor = 26_280_000 }, Server with { PowerWatts = null }, 15);

        Assert.Equal(26_280_000m / (36 * 730), hourly);
    }

    [Fact]
    public void A_decoder_decodes_at_bandwidth_over_weights_and_cache_and_prefills_at_peak_compute()
    {
        // 8B parameters in 16 GB at batch 1 on 3,350 GB/s; a 1,024-token cache of 128 KiB per token.
        var (decode, prefill) = TokenRoofline.Of(8e9, 16e9, 131_072, 1024, 512, peakTflops: 990, memoryBandwidthGbps: 3350);

        Assert.Equal(3350e9 / (16e9 + (131_072.0 * 1024)), decode, precision: 6);
        Assert.Equal(990e12 / 16e9, prefill, precision: 6);
    }

    [Fact]
    public void Without_a_compute_peak_a_prefill_shares_one_read_of_the_weights()
    {
        var (decode, prefill) = TokenRoofline.Of(1e9, 2e9, 0, 1024, 500, peakTflops: null, memoryBandwidthGbps: 200);

        Assert.Equal(100, decode, precision: 9);
        Assert.Equal(50_000, prefill, precision: 6);
    }

    [Fact]
    public void Without_a_price_there_is_no_cost() =>
        Assert.Null(CostModel.HourlyMinor(new ListingPricing { Currency = "USD" }, Server, 15));

    [Theory]
    [InlineData(3600, 1, 1000, 1_000_000)]
    [InlineData(3600, 1000, 1, 1_000)]
    [InlineData(360, 100, 1, 1_000)]
    [InlineData(3600, 7, 143, 142_858)]
    public void Cost_per_thousand_and_per_million_round_up_to_whole_minor_units(double hourlyMinor, double perSecond, long per1k, long per1m)
    {
        Assert.Equal(per1k, CostModel.CostPer1kMinor((decimal)hourlyMinor, perSecond));
        Assert.Equal(per1m, CostModel.CostPer1MMinor((decimal)hourlyMinor, perSecond));
    }

    [Fact]
    public void Zero_throughput_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CostModel.CostPer1kMinor(100, 0));

    [Theory]
    [InlineData(1e9, 1e6, 100.0, 1000.0, 100_000, "compute")]
    [InlineData(1e9, 1e9, 1000.0, 1.0, 1, "memory")]
    public void The_roofline_takes_the_lower_roof(double flops, double bytes, double tflops, double gbps, double perSecond, string boundBy)
    {
        var (rate, bound) = RooflineBound.Of(flops, bytes, tflops, gbps);

        Assert.Equal(perSecond, rate, 6);
        Assert.Equal(boundBy, bound);
    }

    [Fact]
    public void Without_a_peak_only_memory_bandwidth_bounds() =>
        Assert.Equal((614.4, "memory"), RooflineBound.Of(1e9, 1e9, null, 614.4));
}
