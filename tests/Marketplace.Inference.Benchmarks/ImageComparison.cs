using System.Globalization;
using System.Text;
using Marketplace.Inference.Benchmarking;
using Marketplace.Inference.Execution;
using Marketplace.Inference.Models;
using SkiaSharp;

namespace Marketplace.Inference.Benchmarks;

/// <summary>
/// The same comparison on ResNet-18 (a run of tens of milliseconds on a CPU instead of MiniLM's
/// few): raw Run, the engine and the trial endpoint on one 224 × 224 PNG, so the fixed cost of a
/// trial can be read against a heavier model.
/// </summary>
internal static class ImageComparison
{
    private const int Clients = 8;
    private const string ModelId = "lst_resnet-18-featurizer";

    public static async Task<string> MeasureAsync(InferenceEngine engine, Uri? endpoint, int rounds, TimeSpan duration)
    {
        var model = RealModels.ResNet18();
        using var raw = new RawTensorTarget(model.ArtifactPath);
        var png = Png();
        var viaEngine = new EngineTrialTarget("engine RunAsync", engine, model, ModelInput.FromImage(png), new InferenceRequestOptions { DeviceId = "cpu" });
        await engine.PreloadAsync(model, "cpu");
        using var viaHttp = endpoint is null ? null
            : new HttpTrialTarget(endpoint, $"/api/v1/sandbox/models/{ModelId}/trials", $"{{\"imageBase64\":\"{Convert.ToBase64String(png)}\"}}");

        var latency = new Rounds<LatencyStats>();
        var throughput = new Rounds<ThroughputStats>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (key, target) in Targets(raw, viaEngine, viaHttp))
            {
                latency.Add(key, await LoadGenerator.MeasureLatencyAsync(target, 5, 60));
                throughput.Add(key, LoadGenerator.MeasureThroughput(target, Clients, duration));
            }
        }

        var table = new StringBuilder();
        table.AppendLine(Invariant($"ResNet-18 image featurizer (Microsoft.ML.DnnImageFeaturizer.ResNet18), one 224 × 224 PNG; raw = `Run` on a [{string.Join(", ", raw.Shape)}] tensor built once (no decoding, no normalisation). 60 sequential calls per round for latency, {Clients} clients for throughput."));
        table.AppendLine();
        table.AppendLine("| ResNet-18 | p50 (ms) | p99 (ms) | inferences/s, 8 clients | p50 / raw | p99 / raw | throughput / raw |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var rawLatency = Medians.Of(latency["raw"]);
        var rawThroughput = Medians.Of(throughput["raw"]);
        foreach (var (key, label) in new[] { ("raw", "raw InferenceSession.Run"), ("engine", "engine RunAsync"), ("http", "POST /api/v1/sandbox/models/{id}/trials") })
        {
            if (!latency.Has(key))
            {
                continue;
            }
            var l = Medians.Of(latency[key]);
            var t = Medians.Of(throughput[key]);
            table.AppendLine(Invariant($"| {label} | {l.P50Ms:0.00} | {l.P99Ms:0.00} | {t.InferencesPerSecond:0.0} | {l.P50Ms / rawLatency.P50Ms:0.00} | {l.P99Ms / rawLatency.P99Ms:0.00} | {t.InferencesPerSecond / rawThroughput.InferencesPerSecond:0.00} |"));
        }
        return table.ToString();
    }

    private static IEnumerable<(string Key, ITrialTarget Target)> Targets(ITrialTarget raw, ITrialTarget engine, ITrialTarget? http)
    {
        yield return ("raw", raw);
        yield return ("engine", engine);
        if (http is not null)
        {
            yield return ("http", http);
        }
    }

    /// <summary>A 224 × 224 colour gradient with a disc, so decoding and resizing do real work.</summary>
    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(224, 224);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var gradient = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(224, 224), [SKColors.SteelBlue, SKColors.Orange], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, 224, 224, gradient);
            using var disc = new SKPaint { Color = SKColors.DarkRed, IsAntialias = true };
            canvas.DrawCircle(112, 112, 60, disc);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
