using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Inference.Benchmarking;

namespace Marketplace.Inference.Benchmarks;

/// <summary>
/// Where a trial's time goes, measured from outside so any build of the host can be compared in
/// one run: the HTTP floor (an anonymous health probe), plus API-key authentication and the
/// mediator pipeline (an authenticated read), plus the engine run as the trial itself reports it
/// (<c>latencyMs</c>: queue + run), plus what is left (admission, grain hops, the usage row, costs,
/// the JSON answer). Each step is the difference of p50 latencies, one client.
/// </summary>
internal static class StepBreakdown
{
    public sealed record Figures(double HealthP50, double MeP50, double TrialP50, double TrialP99, double EngineP50);

    public static async Task<Figures> MeasureAsync(Uri baseUrl, string key, string trialPath, string trialBody, int samples)
    {
        using var client = new HttpClient { BaseAddress = baseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var health = await LoadGenerator.MeasureLatencyAsync(new Call(client, HttpMethod.Get, "health/live", null, null), 20, samples);
        var me = await LoadGenerator.MeasureLatencyAsync(new Call(client, HttpMethod.Get, "api/v1/me", null, null), 20, samples);
        var engine = new List<double>();
        var trial = await LoadGenerator.MeasureLatencyAsync(new Call(client, HttpMethod.Post, trialPath.TrimStart('/'), trialBody, engine), 20, samples);
        engine.Sort();
        return new Figures(health.P50Ms, me.P50Ms, trial.P50Ms, trial.P99Ms, engine[engine.Count / 2]);
    }

    public static string Table(IReadOnlyList<(string Host, Figures Figures)> hosts, double rawP50)
    {
        var table = new StringBuilder();
        table.AppendLine($"| step (p50 ms, 1 client) | {string.Join(" | ", hosts.Select(h => h.Host))} |");
        table.AppendLine($"| --- |{string.Concat(hosts.Select(_ => " ---: |"))}");
        Line("HTTP floor: `GET /health/live`", f => f.HealthP50);
        Line("+ API-key authentication and the mediator pipeline (`GET /api/v1/me` − floor)", f => f.MeP50 - f.HealthP50);
        Line("+ engine queue and run, as the trial reports it (`latencyMs`)", f => f.EngineP50);
        Line("+ the rest of the trial: model lookup, admission, grain hops, usage row, costs, JSON answer", f => f.TrialP50 - f.MeP50 - f.EngineP50);
        Line("= trial endpoint p50", f => f.TrialP50);
        Line("trial endpoint p99", f => f.TrialP99);
        table.AppendLine(Invariant($"| trial p50 ÷ raw `Run` p50 ({rawP50:0.000} ms) | {string.Join(" | ", hosts.Select(h => (h.Figures.TrialP50 / rawP50).ToString("0.00", CultureInfo.InvariantCulture) + "×"))} |"));
        return table.ToString();

        void Line(string step, Func<Figures, double> value) =>
            table.AppendLine($"| {step} | {string.Join(" | ", hosts.Select(h => value(h.Figures).ToString("0.000", CultureInfo.InvariantCulture)))} |");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>One request; a trial's answer also gives its engine time.</summary>
    private sealed class Call(HttpClient client, HttpMethod method, string path, string? body, List<double>? engineTimes) : ITrialTarget
    {
        public string Name => $"{method} {path}";

        public async Task<double> RunOnceAsync()
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            if (engineTimes is not null)
            {
                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))!;
                engineTimes.Add(answer["latencyMs"]!.GetValue<double>());
            }
            return 1;
        }
    }
}
