using Marketplace.Application.Sandbox.Benchmarks;
using Marketplace.Domain.Sandbox;
using Microsoft.Extensions.Options;

namespace Marketplace.Application.Sandbox.Trials;

/// <summary>
/// The compute a trial is expected to use, reserved against the daily compute cap when it is
/// admitted: its inputs × the slowest p99 measured for this model file, with headroom for a busy
/// device; a model never measured reserves its deadline per input, the most a run may take.
/// </summary>
public sealed class TrialReservations(MeasuredBenchmarks benchmarks, IOptions<SandboxOptions> options)
{
    /// <summary>Measured under no load; concurrent trials share the device and each runs slower.</summary>
    public const double Headroom = 4;

    public async ValueTask<double> SecondsForAsync(SandboxModel model, int inputs)
    {
        var measured = await benchmarks.ForAsync(model);
        var perInputSeconds = measured.Count > 0
            ? measured.Max(b => b.P99Ms) * Headroom / 1000
            : options.Value.TrialDeadlineSeconds;
        return Math.Max(1, inputs) * perInputSeconds;
    }
}
