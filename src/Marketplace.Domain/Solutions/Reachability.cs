namespace Marketplace.Domain.Solutions;

/// <summary>
/// Which listings can take part in no solution at all, and why: besides their own rules (already
/// recorded), a model that runs on no remaining server, a server that runs no model of a role,
/// and listings that only fail together (models that do not fit one server's memory side by side,
/// owned accelerators too few, integrators certified for nothing that fits). A listing that is in
/// some solution meeting every constraint is never listed.
/// </summary>
internal static class Reachability
{
    public static IReadOnlyList<Exclusion> Exclusions(SolutionSpace space)
    {
        var excluded = new List<Exclusion>(space.Excluded);
        // Integrators with the same certifications allow the same solutions: check each kind once.
        // The most permissive (certified for nothing in particular) first: it settles most questions.
        var byGroup = space.Integrators.GroupBy(i => GroupKey(i.Offer)).ToDictionary(g => g.Key, g => g.First().Offer);
        var groups = byGroup.Values.OrderBy(g => g.CertifiedModelIds.Count + g.CertifiedHardwareIds.Count).ToList();
        var leanest = Leanest(space);
        if (groups.Count == 0)
        {
            space.Notes.Add("No integrator serves this industry and region with a price; every solution needs one.");
        }
        for (var r = 0; r < space.Roles.Count; r++)
        {
            if (space.Models[r].Count == 0)
            {
                space.Notes.Add($"No {space.Roles[r].Task} model is offered for this deployment and region with a price, so the {space.Roles[r].Role} role cannot be filled.");
            }
            for (var m = 0; m < space.Models[r].Count; m++)
            {
                if (WhyNotModel(space, groups, leanest, r, m) is { } why)
                {
                    var model = space.Models[r][m].Offer;
                    excluded.Add(new Exclusion(model.Id, model.Name, "Model", why));
                }
            }
        }
        for (var h = 0; h < space.Hardware.Count; h++)
        {
            if (WhyNotHardware(space, groups, leanest, h) is { } why)
            {
                var hardware = space.Hardware[h].Offer;
                excluded.Add(new Exclusion(hardware.Id, hardware.Name, "Hardware", why));
            }
        }
        var groupReachable = byGroup.ToDictionary(g => g.Key, g => Enumerable.Range(0, space.Hardware.Count).Any(h => Joint(space, leanest, h, null, g.Value)));
        foreach (var integrator in space.Integrators.Select(i => i.Offer))
        {
            if (!groupReachable[GroupKey(integrator)])
            {
                excluded.Add(new Exclusion(integrator.Id, integrator.Name, "Integrator",
                    integrator.CertifiedModelIds.Count + integrator.CertifiedHardwareIds.Count > 0
                        ? "it is certified only for models or hardware that cannot meet these requirements together"
                        : "no model and server combination meets these requirements"));
            }
        }
        // A model suitable for two roles with the same task would otherwise be listed twice.
        return excluded.DistinctBy(e => (e.Id, e.Reason)).ToList();
    }

    private static string GroupKey(IntegratorOffer integrator) =>
        string.Join(",", integrator.CertifiedModelIds.Order(StringComparer.Ordinal)) + "|" + string.Join(",", integrator.CertifiedHardwareIds.Order(StringComparer.Ordinal));

    /// <summary>[hardware][role]: the memory of the leanest model of the role that runs there (or -1 for none).</summary>
    private static double[][] Leanest(SolutionSpace space) =>
        Enumerable.Range(0, space.Hardware.Count).Select(h => Enumerable.Range(0, space.Roles.Count)
            .Select(r => space.FeasibleModels[h][r].Length == 0 ? -1 : space.FeasibleModels[h][r].Min(m => space.Sizing[h][r][m].Sizing!.MemoryBytes))
            .ToArray()).ToArray();

    private static string? WhyNotModel(SolutionSpace space, List<IntegratorOffer> groups, double[][] leanest, int role, int model)
    {
        var runs = Enumerable.Range(0, space.Hardware.Count).Where(h => space.Sizing[h][role][model].Sizing is not null).ToList();
        if (runs.Count == 0)
        {
            if (space.Hardware.Count == 0)
            {
                return "no hardware offering remains for these requirements";
            }
            // The largest server's refusal says most about why.
            var largest = Enumerable.Range(0, space.Hardware.Count).MaxBy(h => space.Hardware[h].Offer.MemoryBytes);
            return $"it runs on none of the {space.Hardware.Count} hardware offerings that remain; on {space.Hardware[largest].Offer.Name}: {space.Sizing[largest][role][model].Refusal}";
        }
        var fixedChoice = (role, model);
        if (groups.Any(g => runs.Any(h => Joint(space, leanest, h, fixedChoice, g))))
        {
            return null;
        }
        var id = space.Models[role][model].Offer.Id;
        if (!groups.Any(g => Compatibility.Certifies(g, id)))
        {
            return "no integrator that serves this industry and region is certified for it";
        }
        return space.Roles.Count > 1
            ? "it runs alone, but with the other models the solution needs it fits no server's memory (or the accelerators available), or no integrator is certified for the combination"
            : "no integrator certified for it delivers on the hardware it runs on, or the accelerators available are too few";
    }

    private static string? WhyNotHardware(SolutionSpace space, List<IntegratorOffer> groups, double[][] leanest, int hardware)
    {
        for (var r = 0; r < space.Roles.Count; r++)
        {
            if (space.FeasibleModels[hardware][r].Length == 0)
            {
                var role = space.Roles[r];
                var example = space.Models[r].Count == 0 ? null : space.Sizing[hardware][r][0];
                return example is null
                    ? $"no {role.Task} model remains for the {role.Role} role"
                    : $"it runs no {role.Task} model as required; {space.Models[r][0].Offer.Name}: {example.Refusal}";
            }
        }
        if (groups.Any(g => Joint(space, leanest, hardware, null, g)))
        {
            return null;
        }
        var delivering = groups.Where(g => Compatibility.CertifiesHardware(g, space.Hardware[hardware].Offer)).ToList();
        if (delivering.Count == 0)
        {
            return "no integrator that serves this industry and region is certified to deliver on it";
        }
        var certifiedForModels = delivering.Any(g => Enumerable.Range(0, space.Roles.Count)
            .All(r => space.FeasibleModels[hardware][r].Any(m => Compatibility.Certifies(g, space.Models[r][m].Offer.Id))));
        return certifiedForModels
            ? space.Hardware[hardware].Offer.AvailableServers is { } available
                ? $"the models the solution needs do not fit your {available} server(s) of accelerators, or one server's memory together"
                : "the models the solution needs do not fit one server's memory together"
            : "the integrators certified to deliver on it are not certified for models that run on it";
    }

    /// <summary>
    /// Whether some solution on this hardware, delivered by this integrator (or one certified
    /// alike), meets every joint constraint, with one role's model fixed if given. Without a cap
    /// on servers only memory couples the roles, so the leanest model of each other role decides;
    /// with owned accelerators every combination is tried.
    /// </summary>
    private static bool Joint(SolutionSpace space, double[][] leanest, int hardware, (int Role, int Model)? fixedChoice, IntegratorOffer integrator)
    {
        var entry = space.Hardware[hardware];
        if (!Compatibility.CertifiesHardware(integrator, entry.Offer))
        {
            return false;
        }
        if (fixedChoice is { } f && (space.Sizing[hardware][f.Role][f.Model].Sizing is null || !Compatibility.Certifies(integrator, space.Models[f.Role][f.Model].Offer.Id)))
        {
            return false;
        }
        if (entry.Offer.AvailableServers is null)
        {
            var memory = 0.0;
            for (var r = 0; r < space.Roles.Count; r++)
            {
                var least = fixedChoice is { } x && x.Role == r ? space.Sizing[hardware][r][x.Model].Sizing!.MemoryBytes
                    : integrator.CertifiedModelIds.Count == 0 ? leanest[hardware][r]
                    : LeanestCertified(space, hardware, r, integrator);
                if (least < 0)
                {
                    return false;
                }
                memory += least;
            }
            return memory <= entry.UsableBytes;
        }
        var options = new int[space.Roles.Count][];
        for (var r = 0; r < space.Roles.Count; r++)
        {
            options[r] = fixedChoice is { } x && x.Role == r
                ? [x.Model]
                : space.FeasibleModels[hardware][r].Where(m => Compatibility.Certifies(integrator, space.Models[r][m].Offer.Id)).ToArray();
            if (options[r].Length == 0)
            {
                return false;
            }
        }
        return Combinations(options).Any(models => space.Servers(hardware, models) is not null);
    }

    private static double LeanestCertified(SolutionSpace space, int hardware, int role, IntegratorOffer integrator)
    {
        var least = -1.0;
        foreach (var m in space.FeasibleModels[hardware][role])
        {
            if (Compatibility.Certifies(integrator, space.Models[role][m].Offer.Id))
            {
                var memory = space.Sizing[hardware][role][m].Sizing!.MemoryBytes;
                least = least < 0 ? memory : Math.Min(least, memory);
            }
        }
        return least;
    }

    private static IEnumerable<int[]> Combinations(int[][] options)
    {
        var index = new int[options.Length];
        while (true)
        {
            yield return index.Select((i, r) => options[r][i]).ToArray();
            var r = options.Length - 1;
            while (r >= 0 && ++index[r] == options[r].Length)
            {
                index[r--] = 0;
            }
            if (r < 0)
            {
                yield break;
            }
        }
    }
}
