using Marketplace.Domain.Sandbox;

namespace Marketplace.Domain.Solutions;

/// <summary>
/// How much of its roofline a model really reaches, learnt from the sandbox: measured ÷ roofline for
/// each model measured on a device the catalog describes. An estimate for a model uses its own
/// factor, else the mean of its task's measured models, else <see cref="Default"/>, and always says
/// which. A roofline is a ceiling, not a forecast; nothing is sized from the undivided peak.
/// </summary>
public sealed class EfficiencyCalibration
{
    /// <summary>When nothing comparable was measured: a conservative share of peak.</summary>
    public const double Default = 0.25;

    private readonly Dictionary<string, (double Factor, string Source)> _byModel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Factor, string Source)> _byTask = new(StringComparer.Ordinal);

    public static EfficiencyCalibration None { get; } = new([], []);

    public EfficiencyCalibration(IReadOnlyList<ModelOffer> models, IReadOnlyList<HardwareOffer> hardware)
    {
        var samples = new List<(ModelOffer Model, double Factor, string Device)>();
        foreach (var model in models.Where(m => m.Decoder is null))
        {
            foreach (var measured in model.Measured)
            {
                var device = hardware.FirstOrDefault(h => Sizer.SameDevice(measured.DeviceName, h.DeviceName));
                if (device is null || device.Spec.MemoryBandwidthGbps <= 0 || model.WeightBytes <= 0)
                {
                    continue;
                }
                // The roofline of one device at batch 1, against what one device did at batch 1.
                var flops = model.FlopsPerInference > 0 ? model.FlopsPerInference : 2.0 * model.ParameterCount * 128;
                var (roofline, _) = RooflineBound.Of(flops, model.WeightBytes, Sizer.PeakTflops(device), device.Spec.MemoryBandwidthGbps);
                samples.Add((model, Math.Clamp(measured.Batch1PerSecond / roofline, 0.001, 1), measured.DeviceName));
            }
        }
        foreach (var group in samples.GroupBy(s => s.Model.Id))
        {
            var first = group.First();
            _byModel[group.Key] = (group.Average(s => s.Factor), $"measured ÷ roofline for {first.Model.Name} on {string.Join(", ", group.Select(s => s.Device).Distinct())}");
        }
        foreach (var group in samples.GroupBy(s => s.Model.Task))
        {
            _byTask[group.Key] = (group.Average(s => s.Factor), $"mean measured ÷ roofline of {group.Select(s => s.Model.Id).Distinct().Count()} measured {group.Key} model(s)");
        }
    }

    public (double Factor, string Source) For(ModelOffer model) =>
        _byModel.TryGetValue(model.Id, out var own) ? own
        : _byTask.TryGetValue(model.Task, out var family) ? family
        : (Default, $"conservative default: no {model.Task} model was measured on a catalogued device");
}
