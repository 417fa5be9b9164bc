namespace Marketplace.Domain.Solutions;

/// <summary>A solution the customer picked, or why it cannot be quoted: the field at fault and the reason.</summary>
public sealed record Evaluation(Candidate? Candidate, string? Field, string? Reason)
{
    public static Evaluation Refused(string field, string reason) => new(null, field, reason);
}

/// <summary>
/// Prices exactly the solution a customer picked (its listings and, if given, its number of
/// servers) under the same rules as the search, saying which choice breaks which rule.
/// </summary>
public static class SolutionEvaluation
{
    public static Evaluation Evaluate(SolutionProblem problem, string hardwareId, IReadOnlyList<string> modelIds, string integratorId, int? servers)
    {
        var roles = problem.Requirements.Roles;
        if (modelIds.Count != roles.Count)
        {
            return Evaluation.Refused("models", $"The requirements have {roles.Count} model role(s) ({string.Join(", ", roles.Select(r => r.Role))}); give one model for each.");
        }
        var narrowed = problem with
        {
            Hardware = problem.Hardware.Where(h => h.Id == hardwareId).ToList(),
            Models = problem.Models.Where(m => modelIds.Contains(m.Id)).ToList(),
            Integrators = problem.Integrators.Where(i => i.Id == integratorId).ToList(),
            Top = 1,
        };
        if (narrowed.Hardware.Count == 0)
        {
            return Evaluation.Refused("hardwareId", $"'{hardwareId}' is not a published hardware offering.");
        }
        if (narrowed.Integrators.Count == 0)
        {
            return Evaluation.Refused("integratorId", $"'{integratorId}' is not a published integrator offering.");
        }
        for (var r = 0; r < roles.Count; r++)
        {
            var model = narrowed.Models.FirstOrDefault(m => m.Id == modelIds[r]);
            if (model is null || model.Task != roles[r].Task)
            {
                return Evaluation.Refused(ModelField(roles.Count, r), model is null
                    ? $"'{modelIds[r]}' is not a published model."
                    : $"{model.Name} does {model.Task}; the {roles[r].Role} role needs {roles[r].Task}.");
            }
        }
        // Only the picked model may fill each role.
        var space = SolutionSpace.Build(narrowed with { Models = modelIds.Select(id => narrowed.Models.First(m => m.Id == id)).DistinctBy(m => m.Id).ToList() });
        if (space.Excluded.FirstOrDefault() is { } own)
        {
            return Evaluation.Refused(own.Kind switch { "Hardware" => "hardwareId", "Integrator" => "integratorId", _ => ModelField(roles.Count, modelIds.ToList().IndexOf(own.Id)) }, $"{own.Name}: {own.Reason}");
        }
        var picked = new int[roles.Count];
        for (var r = 0; r < roles.Count; r++)
        {
            picked[r] = space.Models[r].FindIndex(m => m.Offer.Id == modelIds[r]);
            if (space.Sizing[0][r][picked[r]].Refusal is { } refusal)
            {
                return Evaluation.Refused(ModelField(roles.Count, r), $"{space.Models[r][picked[r]].Offer.Name} on {space.Hardware[0].Offer.Name}: {refusal}");
            }
        }
        if (space.Servers(0, picked) is not { } needed)
        {
            return Evaluation.Refused("hardwareUnits", space.Hardware[0].Offer.AvailableServers is { } available
                ? $"The models need more than the {available} server(s) of accelerators you own, or do not fit one server's memory together."
                : "The models do not fit one server's memory together.");
        }
        if (servers is { } units && units < needed)
        {
            var capacity = space.Models.Select((_, r) => space.Sizing[0][r][picked[r]].Sizing!.PerServerPerSecond).Min() * (units - (problem.Requirements.Redundancy ? 1 : 0));
            return Evaluation.Refused("hardwareUnits",
                $"{units} server(s) of {space.Hardware[0].Offer.Name} cannot carry {problem.Requirements.PeakRequestsPerSecond:0.##} requests/s within {problem.Requirements.LatencyP95Ms:0.##} ms{(problem.Requirements.Redundancy ? " with one spare" : "")}; it needs at least {needed} (about {capacity:0.##} requests/s fit on {units}).");
        }
        var count = servers ?? needed;
        if (space.Hardware[0].Offer.AvailableServers is { } owned && count > owned)
        {
            return Evaluation.Refused("hardwareUnits", $"You own accelerators for {owned} server(s), not {count}.");
        }
        if (!space.Certifies(space.Integrators[0].Offer, 0, picked))
        {
            return Evaluation.Refused("integratorId", $"{space.Integrators[0].Offer.Name} is certified only for other models or hardware.");
        }
        var subtotal = space.PartnersMinor(0, picked, count) + space.Integrators[0].CostMinor;
        return new Evaluation(space.Candidate(0, picked, count, 0, subtotal, SolutionPricing.Total(subtotal, problem.Terms)), null, null);
    }

    private static string ModelField(int roles, int index) => roles == 1 ? "modelId" : $"models[{Math.Max(0, index)}].id";
}
